/* The fund report's trend chart (Chart.js, vendored); the tables hold the same figures. */
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("trend-data");
    var figure = document.getElementById("trend-figure");
    var canvas = document.getElementById("trend-chart");
    if (!source || !figure || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (!data.labels.length) {
      return;
    }
    var rtl = document.documentElement.dir === "rtl";
    var values = data.committed.concat(data.disbursed, [100]).filter(function (v) {
      return typeof v === "number";
    });
    figure.hidden = false;
    canvas.chart = new window.Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.series[0], data: data.committed, borderColor: "#0b5ea8",
            backgroundColor: "#0b5ea8", tension: 0.2 },
          { label: data.series[1], data: data.disbursed, borderColor: "#7fb0dc",
            backgroundColor: "#7fb0dc", tension: 0.2 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { beginAtZero: true, max: Math.ceil(Math.max.apply(null, values) / 10) * 10,
               position: rtl ? "right" : "left",
               ticks: { callback: function (v) { return v + " %"; } } },
          x: { reverse: rtl }
        },
        plugins: { legend: { position: "bottom", rtl: rtl } }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
