// What both live scripts share: live.js (signed-in members) and network.js (the anonymous landing page) each load
// after this one, and both tell screen readers what changed and fetch their page again after a push.
window.liveCommon = (function () {
  "use strict";

  // Emptying the live region first makes a screen reader read the same text again when it repeats.
  function announcer(status) {
    return (text) => {
      if (!status) return;
      status.textContent = "";
      window.setTimeout(() => { status.textContent = text; }, 50);
    };
  }

  // Several pushes in a row lead to one refresh at a time, and one more after it if any came in meanwhile.
  function oneAtATime(refresh) {
    let refreshing = null;
    function schedule() {
      if (refreshing) { refreshing.again = true; return; }
      refreshing = { again: false };
      refresh().catch(() => {}).finally(() => {
        const again = refreshing.again;
        refreshing = null;
        if (again) schedule();
      });
    }
    return schedule;
  }

  return { announcer, oneAtATime };
})();
