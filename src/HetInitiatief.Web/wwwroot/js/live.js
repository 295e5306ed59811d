// Live updates for signed-in members: the server pushes a small "questionChanged" or
// "coalitionChanged" message to the watchers of the board or of one question; this page then fetches
// itself again and swaps in the regions that changed. What a member is typing is never thrown away.
// Notifications arrive on every page; the werkplek refreshes on them and on "workspaceChanged".
(function () {
  "use strict";
  if (!window.signalR) return;

  const board = document.querySelector("[data-live-board]");
  const question = document.querySelector("[data-live-question]:not([data-time-travel])");
  const agenda = document.querySelector("[data-live-agenda]");
  const meeting = document.querySelector("[data-live-session]");
  const radar = document.querySelector("[data-live-radar]");
  const workspace = document.querySelector("[data-live-workspace]");
  const product = document.querySelector("[data-live-product]");

  const status = document.getElementById("live-status");
  const announcements = {
    posted: "Er is een nieuwe vraag geplaatst.",
    followUpAsked: "Er is een nieuwe vervolgvraag.",
    followUpAnswered: "Er is een vervolgvraag beantwoord.",
    reformulated: "De vraag is geherformuleerd.",
    goalSet: "Er is een doel vastgelegd.",
    withdrawn: "De vraag is ingetrokken.",
    formed: "Er is een coalitie gestart.",
    joined: "Er deed iemand mee met de coalitie.",
    left: "Iemand verliet de coalitie.",
    positionChanged: "Iemand is anders betrokken bij de coalitie.",
    thresholdReached: "De coalitie is groot genoeg!",
    approachRecorded: "De aanpak is vastgelegd.",
    approachRevisionProposed: "Er is een andere aanpak voorgesteld.",
    trialAgreed: "Er is een proef afgesproken.",
    experienceShared: "Er is een ervaring gedeeld.",
    trialReviewed: "Er is teruggeblikt op een proef.",
    criteriaProposed: "Er zijn afrondingscriteria voorgesteld.",
    criteriaSupported: "Iemand steunt de afrondingscriteria.",
    criteriaAgreed: "De afrondingscriteria zijn afgesproken.",
    completed: "Het initiatief is afgerond!",
    updatePosted: "Er is een update geplaatst.",
  };

  let version = question ? Number(question.dataset.version) : 0;

  // Pushes carry their stream's version. The server sends them in commit order, but a push that was on its way
  // while the page was fetched, or one from before a reconnect, can still be older than what this page shows:
  // each stream's newest version seen is kept, and anything not newer is ignored.
  const newest = new Map();
  function isNewer(stream, streamVersion) {
    if (streamVersion <= (newest.get(stream) || 0)) return false;
    newest.set(stream, streamVersion);
    return true;
  }

  const announce = window.liveCommon.announcer(status);

  // Values the member changed since the page was drawn, by element id.
  function typedValues(root) {
    const typed = new Map();
    root.querySelectorAll("textarea[id], input[id]:not([type=hidden])").forEach((el) => {
      if (el.value !== el.defaultValue) typed.set(el.id, el.value);
    });
    return typed;
  }

  async function refresh() {
    const response = await fetch(window.location.href, { headers: { "X-Requested-With": "live" }, credentials: "same-origin" });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const typed = typedValues(document);
    const focused = document.activeElement && document.activeElement.id;
    // A step the member unfolded stays unfolded when its region is redrawn.
    const unfolded = Array.from(document.querySelectorAll("details[open][id]"), (d) => d.id);
    document.querySelectorAll("[data-live-region][id]").forEach((region) => {
      const replacement = next.getElementById(region.id);
      if (replacement) region.replaceWith(document.importNode(replacement, true));
    });
    typed.forEach((value, id) => { const el = document.getElementById(id); if (el) el.value = value; });
    unfolded.forEach((id) => { const el = document.getElementById(id); if (el) el.open = true; });
    if (focused) { const el = document.getElementById(focused); if (el) el.focus(); }
    const nextQuestion = next.querySelector("[data-live-question]");
    if (nextQuestion && question) {
      question.dataset.version = nextQuestion.dataset.version;
      // The page now shows this version; a push of an older one has nothing new to say.
      version = Math.max(version, Number(nextQuestion.dataset.version));
    }
  }

  const scheduleRefresh = window.liveCommon.oneAtATime(refresh);

  const connection = new signalR.HubConnectionBuilder()
    // WebSockets straight away, without the negotiate round trip: with several nodes behind a load balancer the
    // connection then needs no sticky routing (docs/operations.md).
    .withUrl("/hubs/live", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .withAutomaticReconnect()
    .build();

  connection.on("questionChanged", (change) => {
    if (question) {
      if (change.questionId !== question.dataset.liveQuestion || change.version <= version) return;
      version = change.version;
    }
    announce(announcements[change.change] || "Er is iets veranderd.");
    scheduleRefresh();
  });

  // The coalition meter has its own version sequence; any newer change to the coalition of this question counts.
  connection.on("coalitionChanged", (change) => {
    if (question && change.questionId !== question.dataset.liveQuestion) return;
    if (!isNewer(`coalition:${change.coalitionId}`, change.version)) return;
    announce(announcements[change.change] || "De coalitie is veranderd.");
    scheduleRefresh();
  });

  // Every signed-in page counts new notifications in the header, and says them out loud.
  connection.on("notificationAdded", (notification) => {
    const badge = document.querySelector("[data-unread-count]");
    if (badge) {
      const count = Number(badge.dataset.unreadCount || 0) + 1;
      badge.dataset.unreadCount = String(count);
      badge.textContent = String(count);
      badge.hidden = false;
    }
    announce(notification.text);
    if (workspace) scheduleRefresh();
  });

  // Mijn werkplek: what waits for this member changed (a follow-up, an answer, a coalition's meter).
  const workspaceAnnouncements = {
    followUpAsked: "Een collega vraagt door op je vraag.",
    followUpAnswered: "Je vervolgvraag is beantwoord.",
    coalitionChanged: "Er is iets veranderd in een coalitie van je.",
  };
  connection.on("workspaceChanged", (change) => {
    if (!workspace) return;
    announce(workspaceAnnouncements[change.change] || "Er is iets nieuw op je werkplek.");
    scheduleRefresh();
  });

  // Offers to the coalition are shaped together: every reaction shows for everyone on the page.
  connection.on("proposalChanged", (change) => {
    if (!question || change.questionId !== question.dataset.liveQuestion) return;
    if (!isNewer(`proposal:${change.proposalId}`, change.version)) return;
    announce("Er is iets veranderd aan een aanbod.");
    scheduleRefresh();
  });

  // Seats taken and waitlist length move for everyone looking at the session or the agenda.
  connection.on("sessionChanged", (change) => {
    if (meeting && change.sessionId !== meeting.dataset.liveSession) return;
    // An older count must never be read out after a newer one.
    if (!isNewer(`session:${change.sessionId}`, change.version)) return;
    if (meeting) announce(`${change.participants} van ${change.capacity} plekken bezet.`);
    scheduleRefresh();
  });

  // A kennisbank product: a new version, a co-author, a file or a use shows for everyone on its page.
  const productAnnouncements = {
    revised: "Er is een nieuwe versie van dit product.",
    coAuthorAccepted: "Er is een co-auteur bij gekomen.",
    attachmentAdded: "Er is een bestand toegevoegd.",
    used: "Een collega heeft dit gebruikt.",
  };
  connection.on("productChanged", (change) => {
    if (!product || change.productId !== product.dataset.liveProduct) return;
    if (!isNewer(`product:${change.productId}`, change.version) || change.version <= Number(product.dataset.version)) return;
    announce(productAnnouncements[change.change] || "Dit product is veranderd.");
    scheduleRefresh();
  });

  // Moderators' radar: items come and go as members act.
  connection.on("radarChanged", () => {
    if (!radar) return;
    scheduleRefresh();
  });

  async function watch() {
    if (radar) await connection.invoke("WatchRadar");
    if (agenda) await connection.invoke("WatchAgenda");
    if (meeting) await connection.invoke("WatchSession", meeting.dataset.liveSession);
    if (board) await connection.invoke("WatchBoard");
    if (question) await connection.invoke("WatchQuestion", question.dataset.liveQuestion);
    if (product) await connection.invoke("WatchProduct", product.dataset.liveProduct);
  }

  // After a reconnect the groups are gone and changes may have been missed: watch again and catch up.
  connection.onreconnected(() => watch().then(scheduleRefresh).catch(() => {}));

  connection.start()
    .then(watch)
    .then(() => document.documentElement.setAttribute("data-live", "connected"))
    .catch(() => document.documentElement.setAttribute("data-live", "unavailable"));
})();
