/*
 * site.js: the little JavaScript the site needs, in place of Material's bundle.
 *
 *   - header toggles (menu, search) that work from the keyboard;
 *   - search in the page's own language, with Material's search worker,
 *     loaded only when the reader opens search;
 *   - a palochka typed as a look-alike (I, l, 1, І, і, |) is searched as Ӏ;
 *   - the version for the visually impaired (partials/a11y-panel.html);
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

  function renderDocument(doc, isArticle) {
    var link = document.createElement("a");
    link.href = new URL(doc.location, searchRoot).href;
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
    search.list.innerHTML = "";
    showMeta(items.length);
    items.slice(0, 20).forEach(function (group) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      // A group is a page and its matching sections; show the best three.
      group.filter(Boolean).slice(0, 3).forEach(function (doc) {
        item.appendChild(renderDocument(doc, doc.location.indexOf("#") < 0));
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

  if (a11y.toggle && a11y.form) {
    a11y.toggle.hidden = false;
    applySettings(loadSettings());
    addImageDescriptions();
    a11y.toggle.addEventListener("click", function () {
      setPanel(a11y.panel.hidden);
      if (!a11y.panel.hidden) a11y.form.querySelector("input:checked").focus();
    });
    a11y.form.addEventListener("change", function () {
      var settings = settingsFromForm();
      saveSettings(settings);
      applySettings(settings);
    });
    a11y.form.addEventListener("reset", function (ev) {
      ev.preventDefault();
      saveSettings({});
      applySettings({});
    });
    a11y.panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") {
        setPanel(false);
        a11y.toggle.focus();
      }
    });
  }

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
