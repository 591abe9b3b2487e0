/*
 * NPO-assistent chat widget. Embed with one tag:
 *
 *   <script src="https://bot.example.nl/webhooks/website/widget.js" defer
 *           data-title="NPO-assistent" data-colour="#154273"
 *           data-start-message="Hoi! Waar kan ik je mee helpen?"></script>
 *
 * Plain JavaScript, no dependencies. Talks only to the origin it was loaded from. Renders in a
 * shadow root, so it neither restyles nor is restyled by the host page, and it works under a
 * strict Content-Security-Policy (no inline scripts or style attributes in the host page).
 */
(function () {
  "use strict";

  // The server replaces this placeholder with the contents of widget.css.
  var CSS_TEXT = "__NPO_WIDGET_CSS__";

  // The server fills in its configured limit; 1000 when the file is served as is.
  var MAX_MESSAGE_CHARS = Number("__NPO_MAX_MESSAGE_CHARS__") || 1000;
  var STORAGE_VERSION = 1;
  var MAX_HISTORY = 80;
  var REQUEST_TIMEOUT_MS = 30000;
  // The accent colour without data-colour (the same as widget.css's fallback).
  var DEFAULT_COLOUR = "#154273";
  // The server replaces this placeholder with the widget's wording per language
  // ({"nl": actions/texts.py WIDGET, "en": actions/texts_en.py WIDGET}).
  var TEXTS = "__NPO_WIDGET_TEXT__";

  // ---------------------------------------------------------------- bootstrapping

  function pageLanguage(own) {
    var chosen = own.getAttribute("data-lang") || document.documentElement.getAttribute("lang") || "";
    return /^en\b/i.test(chosen.trim()) ? "en" : "nl";
  }

  var script = document.currentScript || findOwnScript();
  if (!script || !script.src || window.__npoAssistentWidget) {
    return;
  }
  window.__npoAssistentWidget = true;

  // The widget's own labels follow the host page: English on lang="en" (or data-lang="en" on the
  // script tag), Dutch otherwise. The bot's replies follow the user's language either way.
  var TEXT = TEXTS[pageLanguage(script)] || TEXTS.nl;
  var DEFAULT_TITLE = TEXT.title;
  var DEFAULT_START = TEXT.start;

  var scriptUrl = new URL(script.src, document.baseURI);
  var webhookUrl = new URL("webhook", scriptUrl).href;
  var healthUrl = new URL("./", scriptUrl).href;
  var feedbackUrl = new URL("feedback", scriptUrl).href;
  var stylesheetUrl = new URL("widget.css", scriptUrl).href;
  var storageKey = "npo-assistent:" + scriptUrl.origin + scriptUrl.pathname;

  var config = {
    title: cleanAttribute(script.getAttribute("data-title"), 60) || DEFAULT_TITLE,
    colour: accessibleColour(script.getAttribute("data-colour") || script.getAttribute("data-color")),
    startMessage: cleanAttribute(script.getAttribute("data-start-message"), 500) || DEFAULT_START
  };

  function findOwnScript() {
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/widget\.js(\?|#|$)/.test(scripts[i].src || "")) {
        return scripts[i];
      }
    }
    return null;
  }

  function cleanAttribute(value, maxLength) {
    if (!value) {
      return "";
    }
    return String(value).replace(/\s+/g, " ").trim().slice(0, maxLength);
  }

  function format(template) {
    return template.replace("{title}", config.title);
  }

  // ---------------------------------------------------------------- colour and contrast

  function parseHex(value) {
    var match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value || "").trim());
    if (!match) {
      return null;
    }
    var hex = match[1];
    if (hex.length === 3) {
      hex = hex[0] + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
    }
    return [0, 2, 4].map(function (i) {
      return parseInt(hex.slice(i, i + 2), 16);
    });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  // White text sits on the accent colour and the accent colour on white: darken a colour
  // that is too light until both have a contrast of at least 4.5:1 (WCAG AA).
  function accessibleColour(value) {
    var rgb = parseHex(value) || parseHex(DEFAULT_COLOUR);
    for (var i = 0; i < 40 && 1.05 / (luminance(rgb) + 0.05) < 4.5; i++) {
      rgb = rgb.map(function (v) {
        return Math.floor(v * 0.92);
      });
    }
    return (
      "#" +
      rgb
        .map(function (v) {
          return ("0" + v.toString(16)).slice(-2);
        })
        .join("")
    );
  }

  // ---------------------------------------------------------------- state (sessionStorage)

  function newSenderId() {
    var cryptoApi = window.crypto || window.msCrypto;
    if (cryptoApi && typeof cryptoApi.randomUUID === "function") {
      return cryptoApi.randomUUID();
    }
    var bytes = new Uint8Array(16);
    if (cryptoApi && typeof cryptoApi.getRandomValues === "function") {
      cryptoApi.getRandomValues(bytes);
    } else {
      for (var i = 0; i < 16; i++) {
        bytes[i] = Math.floor(Math.random() * 256);
      }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      })
      .join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  var ANSWER_ID = /^[A-Za-z0-9]{1,64}$/;
  var MAX_COMMENT_CHARS = 500;
  var UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

  function freshState() {
    return { v: STORAGE_VERSION, sender: newSenderId(), history: [], open: false };
  }

  function isValidEntry(entry) {
    return (
      entry &&
      (entry.from === "bot" || entry.from === "user") &&
      typeof entry.text === "string" &&
      (entry.buttons === undefined || Array.isArray(entry.buttons)) &&
      (entry.answerId === undefined || ANSWER_ID.test(entry.answerId)) &&
      (entry.rating === undefined || entry.rating === "up" || entry.rating === "down")
    );
  }

  function loadState() {
    try {
      var raw = window.sessionStorage.getItem(storageKey);
      if (raw) {
        var saved = JSON.parse(raw);
        if (
          saved &&
          saved.v === STORAGE_VERSION &&
          typeof saved.sender === "string" &&
          UUID4.test(saved.sender) &&
          Array.isArray(saved.history)
        ) {
          saved.history = saved.history.filter(isValidEntry);
          saved.open = saved.open === true;
          return saved;
        }
      }
    } catch (e) {
      // Storage blocked or corrupt: start a conversation that lives in memory only.
    }
    return freshState();
  }

  function saveState() {
    if (state.history.length > MAX_HISTORY) {
      state.history = state.history.slice(-MAX_HISTORY);
    }
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) {
      // Quota exceeded or storage blocked: the conversation still works for this page.
    }
  }

  var state = loadState();

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === "text") {
        node.textContent = value;
      } else if (name === "className") {
        node.className = value;
      } else {
        node.setAttribute(name, value === true ? "" : String(value));
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  var SVG_NS = "http://www.w3.org/2000/svg";

  function icon(paths) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    paths.forEach(function (d) {
      var path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", d);
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", "currentColor");
      path.setAttribute("stroke-width", "2");
      path.setAttribute("stroke-linecap", "round");
      path.setAttribute("stroke-linejoin", "round");
      svg.appendChild(path);
    });
    return svg;
  }

  var ICON_CHAT = ["M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z", "M8.5 10.5h7", "M8.5 13.5h4.5"];
  var ICON_CLOSE = ["M6 6l12 12", "M18 6L6 18"];
  // Thumbs as drawn icons, not emoji: a system without an emoji font would show empty boxes.
  var ICON_THUMB_UP = ["M7 10v11", "M7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8a2 2 0 0 1-2 1.7H7", "M7 21H4a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h3"];
  var ICON_THUMB_DOWN = ["M17 14V3", "M17 14l-4 8a3 3 0 0 1-3-3v-4H4.5a2 2 0 0 1-2-2.3l1.4-8a2 2 0 0 1 2-1.7H17", "M17 3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-3"];
  var ICON_RESTART = ["M4 12a8 8 0 1 0 2.4-5.7", "M4 4.5V9h4.5"];

  // Bot and user text is always inserted as text. Only http(s) URLs become links, built
  // with createElement; lines starting with "Bron:" (English replies: "Source:") are shown as a
  // source note.
  var URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
  var TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;
  var SOURCE_LINE = /^\s*(bron|bronnen|source|sources)\s*:/i;

  function appendLinkified(parent, text) {
    var last = 0;
    text.replace(URL_PATTERN, function (match, offset) {
      var href = match.replace(TRAILING_PUNCTUATION, "");
      var url = null;
      try {
        url = new URL(href);
      } catch (e) {
        url = null;
      }
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
        return match;
      }
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var link = el("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, [href]);
      link.appendChild(el("span", { className: "visually-hidden", text: TEXT.newWindow }));
      parent.appendChild(link);
      last = offset + href.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderText(bubble, text) {
    var paragraph = [];
    function flush() {
      var content = paragraph.join("\n").replace(/^\n+|\n+$/g, "");
      if (content) {
        var p = el("p");
        appendLinkified(p, content);
        bubble.appendChild(p);
      }
      paragraph = [];
    }
    text.split(/\r?\n/).forEach(function (line) {
      if (SOURCE_LINE.test(line)) {
        flush();
        var p = el("p", { className: "source" });
        appendLinkified(p, line.trim());
        bubble.appendChild(p);
      } else if (!line.trim()) {
        flush();
      } else {
        paragraph.push(line);
      }
    });
    flush();
  }

  // ---------------------------------------------------------------- building the widget

  var host = document.createElement("npo-assistent");
  host.setAttribute("data-npo-assistent", "");
  // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
  host.style.setProperty("--npo-accent", config.colour);
  var root = host.attachShadow({ mode: "open" });

  function installStyles() {
    var inlined = CSS_TEXT.indexOf("__NPO_WIDGET_CSS__") === -1;
    if (inlined && "adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS_TEXT);
        root.adoptedStyleSheets = [sheet];
        return;
      } catch (e) {
        // Older browser: fall back to the stylesheet file below.
      }
    }
    root.appendChild(el("link", { rel: "stylesheet", href: stylesheetUrl }));
  }
  installStyles();

  var launcher = el(
    "button",
    {
      type: "button",
      className: "launcher",
      "aria-label": format(TEXT.launcherLabel),
      "aria-expanded": "false",
      "aria-controls": "npo-panel"
    },
    [icon(ICON_CHAT), el("span", { text: TEXT.launcher })]
  );

  var resetButton = el("button", { type: "button", className: "header-button reset" }, [
    icon(ICON_RESTART),
    el("span", { className: "label", text: TEXT.newConversation })
  ]);
  var closeButton = el("button", { type: "button", className: "header-button close", "aria-label": TEXT.close }, [
    icon(ICON_CLOSE)
  ]);
  var header = el("div", { className: "header" }, [
    el("div", { className: "heading" }, [
      el("h2", { className: "title", id: "npo-title", text: config.title }),
      el("p", { className: "subtitle", text: TEXT.subtitle })
    ]),
    resetButton,
    closeButton
  ]);

  var messageList = el("div", { className: "messages", role: "region", "aria-label": TEXT.conversation, tabindex: "0" });
  var typing = el("div", { className: "typing", hidden: true }, [
    el("span", { className: "dots", "aria-hidden": "true" }, [el("span"), el("span"), el("span")]),
    el("span", { text: format(TEXT.typing) })
  ]);

  var input = el("input", {
    className: "input",
    id: "npo-input",
    type: "text",
    name: "message",
    autocomplete: "off",
    maxlength: String(MAX_MESSAGE_CHARS),
    placeholder: TEXT.placeholder,
    enterkeyhint: "send"
  });
  var sendButton = el("button", { type: "submit", className: "send", text: TEXT.send });
  var composer = el("form", { className: "composer", novalidate: true }, [
    el("label", { className: "visually-hidden", for: "npo-input", text: TEXT.inputLabel }),
    input,
    sendButton
  ]);

  var liveRegion = el("div", { className: "visually-hidden live", role: "status", "aria-live": "polite", "aria-atomic": "true" });

  var panel = el(
    "section",
    { className: "panel", id: "npo-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "npo-title", hidden: true },
    [header, messageList, composer, el("p", { className: "disclaimer", text: TEXT.disclaimer }), liveRegion]
  );

  root.appendChild(el("div", { className: "npo" }, [launcher, panel]));

  // ---------------------------------------------------------------- rendering

  function scrollToEnd() {
    messageList.scrollTop = messageList.scrollHeight;
  }

  function renderEntry(entry) {
    var isBot = entry.from === "bot";
    var bubble = el("div", { className: "bubble" }, [
      el("span", { className: "visually-hidden", text: isBot ? format(TEXT.bot) + " " : TEXT.you + " " })
    ]);
    renderText(bubble, entry.text);
    messageList.appendChild(el("div", { className: "message " + (isBot ? "bot" : "user") }, [bubble]));
    if (isBot && entry.answerId) {
      messageList.appendChild(renderFeedback(entry));
    }
  }

  // ---------------------------------------------------------------- feedback under an answer

  // "Nuttig?" with two buttons under a factual answer; thumbs down opens an optional comment.
  // The rating is sent to the bot (POST feedback) and kept in the history, so it is asked once.
  function renderFeedback(entry) {
    var questionId = "npo-fb-" + entry.answerId;
    var box = el("div", { className: "feedback", role: "group", "aria-labelledby": questionId });
    if (entry.rating) {
      box.appendChild(el("p", { className: "feedback-thanks", id: questionId, text: TEXT.feedbackThanks }));
      return box;
    }
    var up = el("button", { type: "button", className: "feedback-button up", "aria-label": TEXT.feedbackUp }, [
      icon(ICON_THUMB_UP)
    ]);
    var down = el("button", { type: "button", className: "feedback-button down", "aria-label": TEXT.feedbackDown }, [
      icon(ICON_THUMB_DOWN)
    ]);
    box.appendChild(el("span", { className: "feedback-question", id: questionId, text: TEXT.feedbackQuestion }));
    box.appendChild(up);
    box.appendChild(down);
    up.addEventListener("click", function () {
      sendFeedback(entry, box, "up", null);
    });
    down.addEventListener("click", function () {
      openComment(entry, box);
    });
    return box;
  }

  function openComment(entry, box) {
    if (box.querySelector(".feedback-comment")) {
      box.querySelector("textarea").focus();
      return;
    }
    var fieldId = "npo-fb-comment-" + entry.answerId;
    var field = el("textarea", { id: fieldId, className: "feedback-field", rows: "2", maxlength: String(MAX_COMMENT_CHARS) });
    var submit = el("button", { type: "submit", className: "quick-reply feedback-send", text: TEXT.feedbackCommentSend });
    var skip = el("button", { type: "button", className: "quick-reply feedback-skip", text: TEXT.feedbackCommentSkip });
    var form = el("form", { className: "feedback-comment", novalidate: true }, [
      el("label", { for: fieldId, text: TEXT.feedbackCommentLabel }),
      field,
      el("div", { className: "feedback-actions" }, [submit, skip])
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      sendFeedback(entry, box, "down", field.value.trim() || null);
    });
    skip.addEventListener("click", function () {
      sendFeedback(entry, box, "down", null);
    });
    box.appendChild(form);
    field.focus();
  }

  function sendFeedback(entry, box, rating, comment) {
    if (box.getAttribute("data-sending")) {
      return; // one rating at a time
    }
    box.setAttribute("data-sending", "true");
    var body = { sender: state.sender, answer_id: entry.answerId, rating: rating };
    if (comment) {
      body.comment = comment.slice(0, MAX_COMMENT_CHARS);
    }
    Array.prototype.forEach.call(box.querySelectorAll("button"), function (b) {
      b.setAttribute("aria-disabled", "true");
    });
    fetch(feedbackUrl, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    })
      .then(function (response) {
        return response.ok;
      })
      .catch(function () {
        return false;
      })
      .then(function (ok) {
        box.removeAttribute("data-sending");
        if (!ok) {
          Array.prototype.forEach.call(box.querySelectorAll("button"), function (b) {
            b.removeAttribute("aria-disabled");
          });
          var error = box.querySelector(".feedback-error") || el("p", { className: "feedback-error", role: "alert" });
          error.textContent = TEXT.feedbackFailed;
          box.appendChild(error);
          return;
        }
        entry.rating = rating;
        saveState();
        var hadFocus = box.contains(root.activeElement);
        var thanks = el("p", { className: "feedback-thanks", id: "npo-fb-" + entry.answerId, tabindex: "-1", text: TEXT.feedbackThanks });
        box.textContent = "";
        box.appendChild(thanks);
        if (hadFocus) {
          thanks.focus();
        }
        announce(TEXT.feedbackThanks);
      });
  }

  function renderQuickReplies(buttons) {
    var valid = (buttons || []).filter(function (b) {
      return b && typeof b.title === "string" && b.title.trim() && typeof b.payload === "string";
    });
    if (!valid.length) {
      return;
    }
    var group = el("div", { className: "quick-replies", role: "group", "aria-label": TEXT.suggestions });
    valid.forEach(function (b) {
      var button = el("button", { type: "button", className: "quick-reply", text: b.title.trim() });
      button.addEventListener("click", function () {
        send(b.payload, b.title.trim());
      });
      group.appendChild(button);
    });
    messageList.appendChild(group);
  }

  function removeTransient() {
    Array.prototype.forEach.call(messageList.querySelectorAll(".quick-replies, .notice"), function (node) {
      node.parentNode.removeChild(node);
    });
  }

  function renderAll() {
    messageList.textContent = "";
    var lastUser = -1;
    state.history.forEach(function (entry, i) {
      if (entry.from === "user") {
        lastUser = i;
      }
    });
    state.history.forEach(function (entry, i) {
      renderEntry(entry);
      if (entry.from === "bot" && i > lastUser && entry.buttons) {
        renderQuickReplies(entry.buttons);
      }
    });
    messageList.appendChild(typing);
    scrollToEnd();
  }

  function appendEntry(entry) {
    state.history.push(entry);
    saveState();
    renderEntry(entry);
    if (entry.from === "bot" && entry.buttons) {
      renderQuickReplies(entry.buttons);
    }
    messageList.appendChild(typing); // keep the indicator last
    scrollToEnd();
  }

  function announce(text) {
    liveRegion.textContent = "";
    // A separate task, so screen readers notice the change even for identical text.
    window.setTimeout(function () {
      liveRegion.textContent = text;
    }, 60);
  }

  function showNotice(message, retryText) {
    removeTransient();
    var notice = el("div", { className: "notice" }, [el("p", { text: message })]);
    if (retryText !== undefined) {
      var retryButton = el("button", { type: "button", className: "retry", text: TEXT.retry });
      retryButton.addEventListener("click", function () {
        notice.parentNode.removeChild(notice);
        input.focus();
        request(retryText);
      });
      notice.appendChild(retryButton);
    }
    messageList.insertBefore(notice, typing);
    scrollToEnd();
    announce(message);
  }

  function ensureStartMessage() {
    if (!state.history.length) {
      state.history.push({ from: "bot", text: config.startMessage });
      saveState();
    }
  }

  // ---------------------------------------------------------------- talking to the bot

  var busy = false;
  var generation = 0; // bumped by "Nieuw gesprek" so late replies of the old chat are dropped

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    sendButton.setAttribute("aria-disabled", value ? "true" : "false");
    if (value) {
      messageList.appendChild(typing);
      scrollToEnd();
    }
  }

  function send(text, shownText) {
    var message = (text || "").trim();
    if (busy || !message) {
      return;
    }
    removeTransient();
    appendEntry({ from: "user", text: shownText || message });
    input.focus();
    request(message);
  }

  function request(message) {
    var mine = ++generation;
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = window.setTimeout(function () {
      if (controller) {
        controller.abort();
      }
    }, REQUEST_TIMEOUT_MS);
    setBusy(true);

    fetch(webhookUrl, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.sender, message: message }),
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return null;
          })
          .then(function (data) {
            return { status: response.status, ok: response.ok, data: data };
          });
      })
      .then(
        function (result) {
          if (mine !== generation) {
            return;
          }
          if (result.ok && Array.isArray(result.data)) {
            showReplies(result.data);
          } else if (result.status === 429 && result.data && typeof result.data.message === "string") {
            showNotice(result.data.message, message);
          } else if (result.status < 500 && result.data && typeof result.data.message === "string") {
            showNotice(result.data.message);
          } else {
            showNotice(TEXT.unreachable, message);
          }
        },
        function (error) {
          if (mine !== generation) {
            return;
          }
          var timedOut = error && error.name === "AbortError";
          return (timedOut ? Promise.resolve(false) : originRefused()).then(function (refused) {
            if (mine === generation) {
              showNotice(refused ? TEXT.blocked : TEXT.unreachable, refused ? undefined : message);
            }
          });
        }
      )
      .then(function () {
        window.clearTimeout(timer);
        if (mine === generation) {
          setBusy(false);
        }
      });
  }

  // A failed fetch hides why it failed. If the bot answers an opaque (no-cors) request but not
  // a CORS request, it is up and this website is not on its list of allowed origins.
  function originRefused() {
    var options = { method: "GET", credentials: "omit", cache: "no-store" };
    return fetch(healthUrl, Object.assign({ mode: "cors" }, options)).then(
      function () {
        return false;
      },
      function () {
        return fetch(healthUrl, Object.assign({ mode: "no-cors" }, options)).then(
          function () {
            return true;
          },
          function () {
            return false;
          }
        );
      }
    );
  }

  function showReplies(messages) {
    var spoken = [];
    messages.forEach(function (m) {
      if (!m || typeof m !== "object") {
        return;
      }
      var text = typeof m.text === "string" ? m.text : "";
      var buttons = Array.isArray(m.buttons)
        ? m.buttons
            .filter(function (b) {
              return b && typeof b.title === "string";
            })
            .map(function (b) {
              return { title: b.title, payload: typeof b.payload === "string" ? b.payload : b.title };
            })
        : undefined;
      if (!text && !(buttons && buttons.length)) {
        return;
      }
      var entry = { from: "bot", text: text };
      if (buttons && buttons.length) {
        entry.buttons = buttons;
      }
      if (typeof m.answer_id === "string" && ANSWER_ID.test(m.answer_id)) {
        entry.answerId = m.answer_id;
      }
      appendEntry(entry);
      if (text) {
        spoken.push(text);
      }
    });
    if (!spoken.length && !messageList.querySelector(".quick-replies")) {
      showNotice(TEXT.noAnswer);
      return;
    }
    announce(format(TEXT.bot) + " " + spoken.join(" "));
  }

  // ---------------------------------------------------------------- open, close, restart

  function openPanel(moveFocus) {
    ensureStartMessage();
    renderAll();
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    state.open = true;
    saveState();
    scrollToEnd();
    if (moveFocus) {
      input.focus();
    }
  }

  function closePanel() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    state.open = false;
    saveState();
    launcher.focus();
  }

  function restart() {
    generation++;
    setBusy(false);
    state = freshState();
    state.open = true;
    ensureStartMessage();
    renderAll();
    input.value = "";
    input.focus();
    announce(TEXT.restarted);
  }

  launcher.addEventListener("click", function () {
    openPanel(true);
  });
  closeButton.addEventListener("click", closePanel);
  resetButton.addEventListener("click", restart);
  composer.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) {
      return;
    }
    var text = input.value;
    if (!text.trim()) {
      input.focus();
      return;
    }
    input.value = "";
    send(text);
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      event.preventDefault();
      closePanel();
    }
  });

  function mount() {
    document.body.appendChild(host);
    if (state.open) {
      openPanel(false); // restore after navigation without stealing focus from the page
    }
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
