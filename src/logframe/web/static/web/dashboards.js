/* The project overview's chart: committed and disbursed % per agency, against the time
   elapsed drawn as a dashed line across the chart. Reads the figures from the page's
   <script type="application/json" id="chart-data"> (json_script); the table beside the chart
   holds the same figures, so without JavaScript nothing is lost. No inline script: this file
   is loaded with <script src defer>, after the vendored Chart.js. */
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  /* Arabic and Kurdish pages read right to left: the chart is mirrored (the first agency on
     the right, the legend and tooltips right to left), its numbers stay left to right. */
  var rtl = document.documentElement.dir === "rtl";

  function percent(value) {
    return typeof value === "number" ? value.toLocaleString("en") + " %" : "–";
  }

  /* A dashed horizontal line at the time elapsed, the whole width of the chart, labelled. */
  function elapsedLine(value, label, colour) {
    return {
      id: "elapsedLine",
      afterDatasetsDraw: function (chart) {
        if (typeof value !== "number") {
          return;
        }
        var area = chart.chartArea;
        var y = chart.scales.y.getPixelForValue(value);
        var ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(area.left, y);
        ctx.lineTo(area.right, y);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = colour;
        ctx.font = "600 12px " + getComputedStyle(document.body).fontFamily;
        ctx.textAlign = rtl ? "left" : "right";
        ctx.textBaseline = "bottom";
        ctx.fillText(label + " " + percent(value), rtl ? area.left + 4 : area.right - 4, y - 4);
        ctx.restore();
      }
    };
  }

  function drawFinanceChart() {
    var source = document.getElementById("chart-data");
    var figure = document.getElementById("finance-figure");
    var canvas = document.getElementById("finance-chart");
    if (!source || !figure || !canvas || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var values = data.committed.concat(data.disbursed, [data.elapsed, 100]);
    var highest = Math.max.apply(null, values.filter(function (v) { return typeof v === "number"; }));
    var elapsedColour = cssVar("--chart-elapsed", "#a15c00");
    figure.hidden = false;
    canvas.chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: data.series[0], data: data.committed, borderRadius: 3,
            backgroundColor: cssVar("--chart-committed", "#0b5ea8") },
          { label: data.series[1], data: data.disbursed, borderRadius: 3,
            backgroundColor: cssVar("--chart-disbursed", "#7fb0dc") }
        ]
      },
      options: {
        responsive: true,
        locale: "en",
        maintainAspectRatio: false,
        animation: false,
        scales: {
          y: { beginAtZero: true, max: Math.ceil(highest / 10) * 10, position: rtl ? "right" : "left",
               ticks: { stepSize: 20, callback: function (v) { return v + " %"; } } },
          x: { grid: { display: false }, reverse: rtl }
        },
        plugins: {
          legend: { position: "bottom", rtl: rtl, labels: { boxWidth: 14 } },
          tooltip: { rtl: rtl, callbacks: { label: function (item) {
            return item.dataset.label + ": " + percent(item.raw);
          } } }
        }
      },
      plugins: [elapsedLine(data.elapsed, data.series[2], elapsedColour)]
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawFinanceChart);
  } else {
    drawFinanceChart();
  }
})();
