// The modeler page: one bundle of BPMN/DMN files, each opened in bpmn-js (with its properties panel) or
// dmn-js, then saved as a draft, validated or deployed through /api/v1/definitions as a whole.
// Only files an admin changed are exported again, so an untouched file deploys byte for byte.
(() => {
  const page = JSON.parse(document.getElementById("modeler-data").textContent);
  const files = { ...page.files };
  const dirty = new Set();
  const $ = (selector) => document.querySelector(selector);
  const MIN_SCALE = 0.7;
  let current = null;

  const bpmn = new BpmnJS({
    container: "#canvas",
    propertiesPanel: { parent: "#properties" },
    additionalModules: [
      BpmnJSPropertiesPanel.BpmnPropertiesPanelModule,
      BpmnJSPropertiesPanel.BpmnPropertiesProviderModule,
      CaseflowTranslate.module,
    ],
  });
  // dmn-js hands each view only its own additionalModules (a "common" list is overwritten), so name each.
  const translated = { additionalModules: [CaseflowTranslate.module] };
  const dmn = new DmnJS({
    container: "#dmn",
    drd: translated,
    decisionTable: translated,
    literalExpression: translated,
    boxedExpression: translated,
  });

  const markDirty = () => {
    if (!current) return;
    dirty.add(current);
    document.querySelector(`#file-tabs a[data-file="${CSS.escape(current)}"]`).classList.add("dirty");
  };
  bpmn.on("commandStack.changed", markDirty);
  dmn.on("views.changed", ({ views, activeView }) => {
    const viewer = dmn.getActiveViewer();
    if (viewer && !viewer.caseflowWatched) {
      viewer.on("commandStack.changed", markDirty);
      viewer.caseflowWatched = true;
    }
    showDmnViews(views, activeView);
  });

  const isDmn = (name) => name.endsWith(".dmn");

  async function stash() {
    if (!current || !dirty.has(current)) return;
    const { xml } = await (isDmn(current) ? dmn : bpmn).saveXML({ format: true });
    files[current] = xml;
  }

  async function open(name) {
    await stash();
    current = null;
    $("#canvas").hidden = $("#properties").hidden = isDmn(name);
    $("#dmn").hidden = $("#dmn-views").hidden = !isDmn(name);
    document.querySelectorAll("#file-tabs a").forEach((a) => a.classList.toggle("active", a.dataset.file === name));
    history.replaceState(null, "", `?file=${encodeURIComponent(name)}`);
    if (isDmn(name)) {
      await dmn.importXML(files[name]);
      const table = dmn.getViews().find((view) => view.type === "decisionTable");
      if (table) await dmn.open(table);
    } else {
      await bpmn.importXML(files[name]);
      readableZoom(bpmn.get("canvas"));
    }
    current = name;
  }

  // The main procedure is wide: fitted whole its labels cannot be read, so start at its left end instead.
  function readableZoom(canvas) {
    const scale = canvas.zoom("fit-viewport");
    if (scale >= MIN_SCALE) return;
    const { inner, outer } = canvas.viewbox();
    canvas.viewbox({
      x: inner.x - 20,
      y: inner.y - 20,
      width: outer.width / MIN_SCALE,
      height: outer.height / MIN_SCALE,
    });
  }

  function showDmnViews(views, activeView) {
    const box = $("#dmn-views");
    box.replaceChildren(
      ...views.map((view) => {
        const link = document.createElement("a");
        link.textContent = view.type === "drd" ? "决策需求图" : view.name || view.id;
        link.className = activeView && view.id === activeView.id ? "active" : "";
        link.addEventListener("click", () => dmn.open(view));
        return link;
      })
    );
  }

  function say(text, kind = "") {
    const status = $("#status");
    status.hidden = false;
    status.className = `flash ${kind}`;
    status.replaceChildren(...(Array.isArray(text) ? text : [text]));
  }

  function showProblems(problems) {
    const table = $("#problems");
    table.hidden = !problems.length;
    table.tBodies[0].replaceChildren(
      ...problems.map((problem) => {
        const row = document.createElement("tr");
        for (const key of ["file", "element_id", "name", "reason"]) {
          const cell = row.insertCell();
          cell.textContent = problem[key] || "";
        }
        row.addEventListener("click", () => locate(problem));
        return row;
      })
    );
  }

  function showChanges(changes, newest) {
    const box = $("#changes");
    const parts = [
      ["added", "新增"],
      ["removed", "删除"],
      ["changed", "修改"],
    ]
      .flatMap(([key, label]) => changes[key].map((c) => `${label}：${c.name || c.id}（${c.id}）${c.what}`))
      .concat(
        [
          ["added", "新增文件"],
          ["removed", "删除文件"],
          ["changed", "修改文件"],
        ].flatMap(([key, label]) => changes.files[key].map((name) => `${label}：${name}`))
      );
    box.hidden = false;
    const title = document.createElement("strong");
    title.textContent = newest ? `与版本 ${newest} 相比` : "首个版本";
    const list = document.createElement("ul");
    list.replaceChildren(
      ...(parts.length ? parts : ["没有变化"]).map((text) => {
        const item = document.createElement("li");
        item.textContent = text;
        return item;
      })
    );
    box.replaceChildren(title, list);
  }

  // A problem names its file when the parser knows it; otherwise look for the element in every BPMN file.
  async function locate(problem) {
    if (!problem.element_id) return;
    const marker = `id="${problem.element_id}"`;
    const name = files[problem.file] ? problem.file : Object.keys(files).find((n) => files[n].includes(marker));
    if (!name) return;
    if (name !== current) await open(name);
    if (isDmn(name)) return;
    const element = bpmn.get("elementRegistry").get(problem.element_id);
    if (!element) return;
    bpmn.get("selection").select(element);
    const canvas = bpmn.get("canvas");
    const { width, height } = canvas.viewbox();
    const x = element.x + (element.width || 0) / 2 - width / 2;
    canvas.viewbox({ x, y: element.y + (element.height || 0) / 2 - height / 2, width, height });
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": page.csrf_token },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => ({})) };
  }

  function refused(answer) {
    showProblems((answer.body.details && answer.body.details.problems) || []);
    say(answer.body.message || "请求失败", "error");
  }

  async function validate() {
    await stash();
    const answer = await call("POST", page.urls.validate, { files });
    if (answer.status !== 200) return refused(answer);
    showProblems([]);
    showChanges(answer.body.changes, answer.body.newest_version);
    say("校验通过，可以部署。");
  }

  async function deploy() {
    if (!confirm("部署后新登记的案件将使用新版本，确定部署？")) return;
    await stash();
    const answer = await call("POST", page.urls.deploy, { files });
    if (answer.status >= 300) return refused(answer);
    showProblems([]);
    const link = document.createElement("a");
    link.href = page.urls.versions;
    link.textContent = "查看版本列表";
    const text =
      answer.status === 201
        ? `已部署为版本 ${answer.body.version}，新登记的案件将使用此版本。`
        : `内容与版本 ${answer.body.version} 相同，未产生新版本。`;
    say([text, " ", link]);
    $("#status").dataset.version = answer.body.version;
  }

  async function saveDraft() {
    await stash();
    const body = {
      files,
      name: $("#draft-name").value,
      comment: $("#draft-comment").value,
      base_version: page.base_version,
    };
    const answer = page.draft_id
      ? await call("PUT", `${page.urls.drafts}/${page.draft_id}`, body)
      : await call("POST", page.urls.drafts, body);
    if (answer.status >= 300) return refused(answer);
    page.draft_id = answer.body.id;
    $("#draft-name").value = answer.body.name;
    const url = page.urls.edit_draft.replace(/\/0\/edit$/, `/${page.draft_id}/edit`);
    history.replaceState(null, "", `${url}?file=${encodeURIComponent(current)}`);
    $("#source").textContent = `草稿“${answer.body.name}”`;
    say(`草稿已保存（${answer.body.name}）。草稿不会被执行，校验通过后才能部署。`);
  }

  const guarded = (action) => async () => {
    try {
      await action();
    } catch (error) {
      say(`操作失败：${error.message}`, "error");
    }
  };
  $("#file-tabs").addEventListener("click", (event) => {
    const tab = event.target.closest("a[data-file]");
    if (!tab) return;
    event.preventDefault();
    guarded(() => open(tab.dataset.file))();
  });
  $("#validate").addEventListener("click", guarded(validate));
  $("#deploy").addEventListener("click", guarded(deploy));
  $("#save-draft").addEventListener("click", guarded(saveDraft));
  guarded(() => open(page.opened))().then(() => document.body.classList.add("modeler-ready"));
})();
