// The discretion suggestion beside the conclusion form: asked again, shortly after the officer stops typing.
(() => {
  const box = document.getElementById("discretion");
  const form = document.getElementById("task-form");
  if (!box || !form) return;
  let timer = null;
  let asked = 0;

  async function refresh() {
    const ask = ++asked;
    const query = new URLSearchParams(new FormData(form));
    query.delete("csrf_token");
    const response = await fetch(`${box.dataset.url}?${query}`, { credentials: "same-origin" });
    if (!response.ok || ask !== asked) return;
    const suggestion = await response.json();
    box.querySelectorAll("[data-key]").forEach((node) => {
      node.textContent = suggestion[node.dataset.key] || "—";
    });
  }

  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  };
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
})();
