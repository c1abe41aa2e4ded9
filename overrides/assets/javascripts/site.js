/*
 * site.js: the little JavaScript the site needs, in place of Material's bundle.
 *
 *   - header toggles (menu, search) that work from the keyboard;
 *   - search in the page's own language, with Material's search worker,
 *     loaded only when the reader opens search;
 *   - a palochka typed as a look-alike (I, l, 1, І, і, |) is searched as Ӏ;
 *   - the searched words highlighted on the page opened from the results;
 *   - the version for the visually impaired (partials/a11y-panel.html),
 *     on in one click;
 *   - the dark scheme toggle (partials/scheme-toggle.html);
 *   - the table of contents marks the section being read;
 *   - the back-to-top button (Material's, navigation.top);
 *   - a table too wide for the screen scrolls from the keyboard too.
 *
 * Material's __config block gives the translations and the worker address;
 * our __site block gives the language and the address of its search index.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function readJSON(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : {};
  }
  var material = readJSON("__config");
  var site = readJSON("__site");

  function translate(key, value) {
    var text = (material.translations || {})[key] || "";
    return value === undefined ? text : text.replace("#", String(value));
  }

  /* ---------------------------------------------------------------------
   * Palochka: the same rule as scripts/chechen/palochka.py. A look-alike (I, l, 1,
   * І, і, ǀ) next to a Cyrillic letter is the palochka Ӏ, unless a digit or
   * a Latin letter stands beside it (years like 1977ш, Roman numerals);
   * "|" only between two Cyrillic letters; the small ӏ always.
   * ------------------------------------------------------------------ */
  var LOOKALIKES = "Il1\u0406\u0456\u01C0";
  var GUARD = /[0-9A-Za-z]/;

  function isCyrillicLetter(ch) {
    return /[\u0400-\u052F]/.test(ch) && !/[\u0406\u0456]/.test(ch) && ch.toLowerCase() !== ch.toUpperCase();
  }

  function normalisePalochka(text) {
    var chars = Array.from(text);
    return chars.map(function (ch, i) {
      var before = chars[i - 1] || "";
      var after = chars[i + 1] || "";
      if (ch === "\u04CF") return "\u04C0";
      if (ch === "|") {
        return isCyrillicLetter(before) && isCyrillicLetter(after) ? "\u04C0" : ch;
      }
      if (LOOKALIKES.indexOf(ch) < 0) return ch;
      var nextToCyrillic = isCyrillicLetter(before) || isCyrillicLetter(after);
      var guarded = GUARD.test(before) || GUARD.test(after);
      return nextToCyrillic && !guarded ? "\u04C0" : ch;
    }).join("");
  }

  /* ---------------------------------------------------------------------
   * Header toggles: buttons that check Material's hidden checkboxes, which
   * drive the drawer and the search overlay in Material's CSS.
   * ------------------------------------------------------------------ */
  function toggleFor(id) {
    return document.querySelector('[data-site-toggle="' + id + '"]');
  }

  function setToggle(id, open) {
    var box = document.getElementById(id);
    if (!box) return;
    box.checked = open;
    var button = toggleFor(id);
    if (button) button.setAttribute("aria-expanded", String(open));
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest("[data-site-toggle]");
    if (!button) return;
    var id = button.getAttribute("data-site-toggle");
    var box = document.getElementById(id);
    var open = !box.checked;
    setToggle(id, open);
    if (id === "__search" && open) search.input.focus();
    if (id === "__drawer" && open) {
      var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex]");
      if (first) first.focus();
    }
  });

  ["__drawer", "__search"].forEach(function (id) {
    var box = document.getElementById(id);
    if (box) box.addEventListener("change", function () { setToggle(id, box.checked); });
  });

  // Labels that expand navigation sections take focus; let Enter and Space
  // work on them as on buttons.
  document.addEventListener("keydown", function (ev) {
    var el = ev.target;
    if ((ev.key === "Enter" || ev.key === " ") && el.matches && el.matches("label[tabindex]")) {
      ev.preventDefault();
      el.click();
    }
    var drawer = document.getElementById("__drawer");
    if (ev.key === "Escape" && drawer && drawer.checked) {
      setToggle("__drawer", false);
      toggleFor("__drawer").focus();
    }
  });

  /* ---------------------------------------------------------------------
   * Search.
   * ------------------------------------------------------------------ */
  var search = {
    form: document.querySelector(".md-search__form"),
    input: document.querySelector(".md-search__input"),
    meta: document.querySelector(".md-search-result__meta"),
    list: document.querySelector(".md-search-result__list"),
    worker: null,
    ready: false,
    pending: null,
  };
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  function startSearch() {
    if (search.worker) return;
    search.worker = new Worker(material.search);
    search.worker.addEventListener("message", function (ev) {
      if (ev.data.type === READY) {
        search.ready = true;
        showMeta(0);
        if (search.pending !== null) query(search.pending);
      } else if (ev.data.type === RESULT) {
        render(ev.data.data.items);
      }
    });
    fetch(site.searchIndex)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + site.searchIndex);
        return response.json();
      })
      .then(function (index) {
        search.worker.postMessage({
          type: SETUP,
          data: { config: index.config, docs: index.docs, options: { suggest: false } },
        });
      })
      .catch(function (err) {
        search.meta.textContent = translate("search.result.none");
        console.warn("search index:", err);
      });
  }

  function query(value) {
    search.pending = value;
    if (!search.ready) return;
    var text = normalisePalochka(value.trim());
    if (!text) {
      search.list.innerHTML = "";
      showMeta(0);
      return;
    }
    search.worker.postMessage({ type: QUERY, data: text });
  }

  function showMeta(count) {
    var empty = !search.input.value.trim();
    search.meta.textContent = count === 0
      ? translate(empty ? "search.result.placeholder" : "search.result.none")
      : count === 1
        ? translate("search.result.one")
        : translate("search.result.other", count);
  }

  // Locations in an index are relative to its language's root.
  var searchRoot = site.searchIndex && new URL("../", new URL(site.searchIndex, location.href));

  function renderDocument(doc, isArticle, query) {
    var link = document.createElement("a");
    var target = new URL(doc.location, searchRoot);
    // The page opened highlights what was searched (see highlightSearch).
    target.searchParams.set("h", query);
    link.href = target.href;
    link.className = "md-search-result__link";
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var heading = document.createElement(isArticle ? "h1" : "h2");
    // The worker returns titles and text with <mark> around matches; they
    // come from our own index, built from our own pages.
    heading.innerHTML = doc.title;
    article.appendChild(heading);
    if (doc.text) {
      var text = document.createElement("div");
      text.innerHTML = doc.text;
      article.appendChild(text);
    }
    link.appendChild(article);
    return link;
  }

  function render(items) {
    var query = normalisePalochka(search.input.value.trim());
    search.list.innerHTML = "";
    showMeta(items.length);
    items.slice(0, 20).forEach(function (group) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      // A group is a page and its matching sections; show the best three.
      group.filter(Boolean).slice(0, 3).forEach(function (doc) {
        item.appendChild(renderDocument(doc, doc.location.indexOf("#") < 0, query));
      });
      search.list.appendChild(item);
    });
  }

  if (search.input) {
    search.list.hidden = false;
    search.input.addEventListener("focus", function () {
      setToggle("__search", true);
      startSearch();
    });
    search.input.addEventListener("input", function () {
      startSearch();
      query(search.input.value);
    });
    search.form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = search.list.querySelector("a");
      if (first) first.click();
    });
    search.form.addEventListener("reset", function () {
      search.list.innerHTML = "";
      search.pending = "";
      showMeta(0);
      search.input.focus();
    });
    document.addEventListener("keydown", function (ev) {
      if (!document.getElementById("__search").checked) return;
      if (ev.key === "Escape") {
        setToggle("__search", false);
        search.input.blur();
        toggleFor("__search").focus();
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        var links = [search.input].concat(Array.from(search.list.querySelectorAll("a")));
        var at = links.indexOf(document.activeElement);
        var next = (at + (ev.key === "ArrowDown" ? 1 : -1) + links.length) % links.length;
        links[next].focus();
        ev.preventDefault();
      }
    });
  }

  /* ---------------------------------------------------------------------
   * Version for the visually impaired. Each setting is a data-a11y-*
   * attribute on <html> (site.css draws them) and is kept in localStorage
   * under "site-a11y"; main.html applies it again before the next page is
   * drawn. A default value removes the attribute.
   * ------------------------------------------------------------------ */
  var a11y = {
    toggle: document.querySelector(".site-a11y-toggle"),
    panel: document.getElementById("site-a11y"),
    form: document.querySelector("[data-site-a11y]"),
    key: "site-a11y",
  };

  function loadSettings() {
    try {
      return JSON.parse(localStorage.getItem(a11y.key)) || {};
    } catch (err) {
      return {};
    }
  }

  function saveSettings(settings) {
    try {
      localStorage.setItem(a11y.key, JSON.stringify(settings));
    } catch (err) {
      // Private mode: the settings still apply to this page.
    }
  }

  // Each group of radio buttons is one setting; its first option is the default.
  function groups() {
    var names = [];
    a11y.form.querySelectorAll("input[type=radio]").forEach(function (input) {
      if (names.indexOf(input.name) < 0) names.push(input.name);
    });
    return names.map(function (name) {
      return { name: name, options: Array.from(a11y.form.querySelectorAll('[name="' + name + '"]')) };
    });
  }

  function applySettings(settings) {
    groups().forEach(function (group) {
      var chosen = group.options.filter(function (o) { return o.value === settings[group.name]; })[0];
      chosen = chosen || group.options[0];
      chosen.checked = true;
      if (chosen === group.options[0]) root.removeAttribute("data-a11y-" + group.name);
      else root.setAttribute("data-a11y-" + group.name, chosen.value);
    });
  }

  function settingsFromForm() {
    var settings = {};
    groups().forEach(function (group) {
      var chosen = group.options.filter(function (o) { return o.checked; })[0];
      if (chosen && chosen !== group.options[0]) settings[group.name] = chosen.value;
    });
    return settings;
  }

  // With images off, a reader sees each image's description in its place.
  function addImageDescriptions() {
    var label = a11y.form.getAttribute("data-image-label") || "";
    document.querySelectorAll(".md-content img[alt], .md-content svg[role='img']").forEach(function (image) {
      var title = image.tagName.toLowerCase() === "svg" ? image.querySelector("title") : null;
      var text = title ? title.textContent : image.getAttribute("alt");
      if (!text) return;
      var note = document.createElement("span");
      note.className = "site-alt";
      note.textContent = label + ": " + text;
      image.insertAdjacentElement("afterend", note);
    });
  }

  function setPanel(open) {
    a11y.panel.hidden = !open;
    a11y.toggle.setAttribute("aria-expanded", String(open));
  }

  // The stored settings also keep the reader's colour scheme (dark or
  // light), which is not a setting of this panel: keep it when these change.
  function storeSettings(settings) {
    var scheme = loadSettings().scheme;
    if (scheme) settings.scheme = scheme;
    saveSettings(settings);
    applySettings(settings);
    syncScheme();
  }

  // On, as on Russian schools' sites: one click gives 150 % text, black on
  // white, and leaves the panel open to adjust them.
  var SWITCHED_ON = { text: "150", colors: "bw" };

  if (a11y.toggle && a11y.form) {
    a11y.toggle.hidden = false;
    applySettings(loadSettings());
    addImageDescriptions();
    a11y.toggle.addEventListener("click", function () {
      var on = Object.keys(settingsFromForm()).length > 0;
      if (!on) {
        storeSettings(Object.assign({}, SWITCHED_ON));
        setPanel(true);
      } else {
        setPanel(a11y.panel.hidden);
      }
      if (!a11y.panel.hidden) a11y.form.querySelector("input:checked").focus();
    });
    a11y.form.addEventListener("change", function () {
      storeSettings(settingsFromForm());
    });
    // «Обычная версия сайта»: every setting back to its default, panel closed.
    a11y.form.addEventListener("reset", function (ev) {
      ev.preventDefault();
      storeSettings({});
      setPanel(false);
      a11y.toggle.focus();
    });
    a11y.panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") {
        setPanel(false);
        a11y.toggle.focus();
      }
    });
  }

  /* ---------------------------------------------------------------------
   * Dark scheme. site.css follows prefers-color-scheme; a choice made here
   * is kept with the settings above as "scheme" (<html data-a11y-scheme>,
   * applied before the page is drawn like them), and forgotten when it
   * matches the system again. Pressed means dark. Hidden while a colour
   * scheme of the version for the visually impaired is on: that one wins.
   * ------------------------------------------------------------------ */
  var schemeToggle = document.querySelector(".site-scheme-toggle");
  var systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  function isDark() {
    var chosen = root.getAttribute("data-a11y-scheme");
    return chosen ? chosen === "dark" : systemDark.matches;
  }

  function syncScheme() {
    if (!schemeToggle) return;
    schemeToggle.hidden = root.hasAttribute("data-a11y-colors");
    schemeToggle.setAttribute("aria-pressed", String(isDark()));
  }

  if (schemeToggle) {
    syncScheme();
    systemDark.addEventListener("change", syncScheme);
    schemeToggle.addEventListener("click", function () {
      var dark = !isDark();
      var settings = loadSettings();
      if (dark === systemDark.matches) delete settings.scheme;
      else settings.scheme = dark ? "dark" : "light";
      saveSettings(settings);
      if (settings.scheme) root.setAttribute("data-a11y-scheme", settings.scheme);
      else root.removeAttribute("data-a11y-scheme");
      syncScheme();
    });
  }

  /* ---------------------------------------------------------------------
   * The table of contents marks the section being read: the last heading
   * above the top third of the screen. IntersectionObserver tells when a
   * heading crosses that line; both copies of the contents (the sidebar
   * on a desktop, the drawer on a phone) are marked.
   * ------------------------------------------------------------------ */
  var tocLinks = Array.from(document.querySelectorAll('.md-nav--secondary a.md-nav__link[href^="#"]'));
  var sections = [];
  tocLinks.forEach(function (link) {
    var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (heading && sections.indexOf(heading) < 0) sections.push(heading);
  });

  function markSection() {
    var line = window.innerHeight / 3;
    var current = null;
    sections.forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= line) current = heading;
    });
    tocLinks.forEach(function (link) {
      var here = current !== null && link.hash === "#" + encodeURIComponent(current.id);
      link.classList.toggle("md-nav__link--active", here);
      if (here) link.setAttribute("aria-current", "location");
      else link.removeAttribute("aria-current");
    });
  }

  if (sections.length && "IntersectionObserver" in window) {
    var watcher = new IntersectionObserver(markSection, { rootMargin: "0px 0px -66% 0px" });
    sections.forEach(function (heading) { watcher.observe(heading); });
    markSection();
  }

  /* ---------------------------------------------------------------------
   * Back to top: Material's button, shown once the reader has scrolled a
   * screen down. From the keyboard it also takes focus back to the top.
   * ------------------------------------------------------------------ */
  var topButton = document.querySelector(".md-top");
  if (topButton) {
    var showTop = function () { topButton.hidden = window.scrollY < window.innerHeight; };
    window.addEventListener("scroll", showTop, { passive: true });
    showTop();
    topButton.addEventListener("click", function (ev) {
      var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      window.scrollTo({ top: 0, behavior: still ? "auto" : "smooth" });
      var skip = document.querySelector(".md-skip");
      if (ev.detail === 0 && skip) skip.focus({ preventScroll: true });
    });
  }

  /* ---------------------------------------------------------------------
   * Search highlights: a result's address carries the query (?h=…); the
   * page opened marks its words, folded as search folds them (case, and a
   * palochka typed as a look-alike), with a bar to clear the marks. A mark
   * starts where a word starts, as search matches words: «ли» marks
   * «лицом», never the «ли» inside «обязательно».
   * ------------------------------------------------------------------ */
  function fold(text) {
    // One character for one: offsets in the folded text are the text's.
    return normalisePalochka(text).split("").map(function (ch) {
      var lower = ch.toLowerCase();
      return lower.length === 1 ? lower : ch;
    }).join("");
  }

  // Russian search finds inflected forms (Lunr's stemmer): mark the stem
  // they share. The Chechen index has no stemmer: its words are marked whole.
  function stem(word) {
    if (site.lang !== "ru") return word;
    var cut = word.replace(/[аеёиоуыэюяйь]{1,2}$/, "");
    return cut.length >= 4 ? cut : word;
  }

  function highlightSearch() {
    var query = new URLSearchParams(location.search).get("h");
    var article = document.querySelector(".md-content article");
    if (!query || !article) return;
    var words = fold(query).split(/[\s\-,:;!?«»"()[\]/.]+/).filter(function (w) { return w.length > 1; });
    if (!words.length) return;
    // A word's start: the text's start, or after anything but a letter, a
    // combining mark or a digit (the palochka Ӏ is a letter: «гӀулч» is one
    // word). Caught as group 1, not looked behind for, which older phones'
    // browsers do not know.
    var pattern = new RegExp("(^|[^\\p{L}\\p{M}\\p{N}])(" + words.map(function (w) {
      return stem(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gu");
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement.closest("script, style, svg, mark, .headerlink, .site-letterhead")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var marks = [];
    nodes.forEach(function (node) {
      var folded = fold(node.data);
      var found, last = 0, parts = [];
      pattern.lastIndex = 0;
      while ((found = pattern.exec(folded))) {
        var start = found.index + found[1].length;
        parts.push(document.createTextNode(node.data.slice(last, start)));
        var mark = document.createElement("mark");
        mark.className = "site-highlight";
        mark.textContent = node.data.slice(start, start + found[2].length);
        parts.push(mark);
        marks.push(mark);
        last = start + found[2].length;
      }
      if (!parts.length) return;
      parts.push(document.createTextNode(node.data.slice(last)));
      node.replaceWith.apply(node, parts);
    });
    if (!marks.length) return;
    var strings = site.strings || {};
    var bar = document.createElement("p");
    bar.className = "site-highlight-bar";
    bar.setAttribute("role", "status");
    var label = document.createElement("span");
    label.textContent = (strings.highlight || "") + " «" + query + "»";
    var clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = strings.highlightClear || "×";
    bar.appendChild(label);
    bar.appendChild(clear);
    var heading = article.querySelector("h1");
    (heading || article.firstElementChild).insertAdjacentElement(heading ? "afterend" : "beforebegin", bar);
    clear.addEventListener("click", function () {
      marks.forEach(function (mark) { mark.replaceWith(document.createTextNode(mark.textContent)); });
      article.normalize();
      bar.remove();
      var url = new URL(location.href);
      url.searchParams.delete("h");
      history.replaceState(history.state, "", url.href);
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
    });
  }
  highlightSearch();

  /* ---------------------------------------------------------------------
   * A table wider than the screen (a phone, or enlarged text) scrolls in
   * its own box; a keyboard can scroll it only when it takes focus.
   * ------------------------------------------------------------------ */
  function markScrollingTables() {
    document.querySelectorAll(".md-typeset table, .md-typeset pre").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
  }
  markScrollingTables();
  window.addEventListener("resize", markScrollingTables);
  if (a11y.form) a11y.form.addEventListener("change", markScrollingTables);

  // Browsers may restore checkbox states on "back": start with all closed.
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) { setToggle(id, false); });
  });
})();
