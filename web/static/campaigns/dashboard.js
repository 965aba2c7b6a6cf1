// Draw the dashboard's charts from the figures the page embeds (#chart-data); ECharts is served by the app.
(() => {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const colours = ["#1f4e79", "#2e86c1", "#27ae60", "#f39c12", "#c0392b", "#8e44ad", "#16a085", "#7f8c8d"];

  const pie = (items) => ({
    tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
    legend: { type: "scroll", bottom: 0 },
    series: [{ type: "pie", radius: ["30%", "55%"], center: ["50%", "52%"], data: items, label: { formatter: "{c}" } }],
  });

  const bars = (names, values, unit) => ({
    tooltip: { trigger: "axis", valueFormatter: (v) => `${v} ${unit}` },
    grid: { left: 48, right: 16, top: 64, bottom: 40 },
    xAxis: { type: "category", data: names },
    yAxis: { type: "value", name: unit },
    series: [{ type: "bar", data: values, barMaxWidth: 48, label: { show: true, position: "top" } }],
  });

  const options = {
    "chart-coverage": {
      tooltip: { trigger: "axis" },
      legend: { data: ["覆盖率", "目标"], top: 32 },
      grid: { left: 48, right: 16, top: 72, bottom: 72 },
      xAxis: { type: "category", data: data.coverage.kinds, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        { name: "覆盖率", type: "bar", data: data.coverage.percent, barMaxWidth: 40,
          label: { show: true, position: "top", formatter: (p) => `${p.value}%` } },
        { name: "目标", type: "line", step: "middle", data: data.coverage.target, symbol: "none",
          lineStyle: { type: "dashed", color: "#c0392b" }, itemStyle: { color: "#c0392b" } },
      ],
    },
    "chart-violations": pie(data.violations),
    "chart-procedures": pie(data.procedures),
    "chart-statuses": bars(data.statuses.map((s) => s.name), data.statuses.map((s) => s.value), "起"),
    "chart-money": bars(["罚款", "没收违法所得"], [data.money.fines, data.money.confiscated], "万元"),
    "chart-transfers": bars(["移送公安机关", "移送其他部门", "接收移送"],
      [data.transfers.police, data.transfers.other, data.transfers.in], "起"),
    "chart-feedback": {
      series: [{
        type: "gauge", min: 0, max: 100, progress: { show: true, width: 14 },
        axisLine: { lineStyle: { width: 14 } }, detail: { formatter: (v) => (data.feedback.rate === null ? "—" : `${v}%`), fontSize: 24 },
        data: [{ value: data.feedback.rate ?? 0,
          name: `按期 ${data.feedback.on_time}　逾期 ${data.feedback.late + data.feedback.overdue}　待答复 ${data.feedback.pending}` }],
        title: { offsetCenter: [0, "85%"], fontSize: 12 },
      }],
    },
  };

  for (const [id, option] of Object.entries(options)) {
    const box = document.getElementById(id);
    if (!box) continue;
    const chart = echarts.init(box);
    chart.setOption({ color: colours, title: { text: box.dataset.title, left: "center", textStyle: { fontSize: 14 } }, ...option });
    box.dataset.rendered = "true";
    window.addEventListener("resize", () => chart.resize());
  }
})();
