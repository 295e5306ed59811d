// The landing page, live: the server pushes "networkChanged" with the seat counts after every
// confirmed registration; the counter changes at once, and the page fetches itself again for the lists
// (early birds, collected questions) that may have changed with it.
(function () {
  "use strict";
  if (!window.signalR) return;
  const welcome = document.querySelector("[data-live-network]");
  if (!welcome) return;
  const status = document.getElementById("live-status");

  const announce = window.liveCommon.announcer(status);

  async function refresh() {
    const response = await fetch(window.location.href, { headers: { "X-Requested-With": "live" }, credentials: "same-origin" });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    document.querySelectorAll("[data-live-region][id]").forEach((region) => {
      const replacement = next.getElementById(region.id);
      if (replacement) region.replaceWith(document.importNode(replacement, true));
    });
  }

  const scheduleRefresh = window.liveCommon.oneAtATime(refresh);

  // WebSockets without negotiation, so any node behind the load balancer can take the connection (docs/operations.md).
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/network", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect()
    .build();
  connection.on("networkChanged", (seats) => {
    const counter = document.querySelector("[data-seats-left]");
    if (counter && !seats.started) counter.textContent = `Nog ${seats.seatsLeft} van ${seats.seats} plekken`;
    if (seats.change === "started") announce("Het netwerk is gestart!");
    scheduleRefresh();
  });
  connection.onreconnected(scheduleRefresh);
  connection.start()
    .then(() => document.documentElement.setAttribute("data-live", "connected"))
    .catch(() => document.documentElement.setAttribute("data-live", "unavailable"));
})();
