// "再添加一条": copy the blank entry of a records field under the next free index.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".add-record");
  if (!button) return;
  const box = button.closest(".records");
  const entries = box.querySelectorAll("fieldset.record");
  const blank = entries[entries.length - 1];
  const name = box.dataset.records;
  const index = Number(box.dataset.next);
  const from = `${name}-${blank.dataset.entry}-`;
  const to = `${name}-${index}-`;
  const copy = blank.cloneNode(true);
  copy.dataset.entry = index;
  copy.querySelectorAll("[name], [id], [for], [data-field]").forEach((node) => {
    for (const attribute of ["name", "id", "for", "data-field"]) {
      const value = node.getAttribute(attribute);
      if (value) node.setAttribute(attribute, value.replace(from, to));
    }
    if (node.type === "checkbox" || node.type === "radio") node.checked = false;
    else if ("value" in node && node.tagName !== "BUTTON") node.value = "";
  });
  copy.querySelectorAll(".error").forEach((node) => node.remove());
  copy.querySelector("legend").textContent = `第 ${entries.length + 1} 条（新增，可留空）`;
  blank.after(copy);
  box.dataset.next = index + 1;
});
