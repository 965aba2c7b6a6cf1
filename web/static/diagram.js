// The case's procedure drawn by bpmn-js, with the steps now open marked on the canvas.
(async () => {
  const box = document.getElementById("diagram");
  if (!box || typeof BpmnJS === "undefined") return;
  const viewer = new BpmnJS({ container: box });
  const response = await fetch(box.dataset.xml, { credentials: "same-origin" });
  await viewer.importXML(await response.text());
  const canvas = viewer.get("canvas");
  const registry = viewer.get("elementRegistry");
  canvas.zoom("fit-viewport");
  const marked = JSON.parse(box.dataset.current).filter((id) => registry.get(id));
  marked.forEach((id) => canvas.addMarker(id, "current-step"));
  box.dataset.marked = marked.join(" ");
})();
