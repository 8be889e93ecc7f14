// The header's two switches: the framework switch (its links: _ext/twin_switch.py) and the language
// switch (its links: _ext/book_i18n.py). Without this script their links still work and open the other
// page at its top. With it, a switch opens the other page at the section being read, and the reader's
// choices are remembered (localStorage): chapter pages and the intro's chapter table lead to the
// remembered framework first, and the home page, entered from outside the book, opens in the remembered
// language.
(() => {
  const FRAMEWORK = "dl-book-framework";
  const LANGUAGE = "dl-book-language";
  const FRAMEWORKS = ["tensorflow", "pytorch"];

  function remembered(key) {
    try { return localStorage.getItem(key); } catch { return null; }  // storage may be switched off
  }

  function remember(key, value) {
    try { localStorage.setItem(key, value); } catch { /* nothing to remember with */ }
  }

  // The top of what the reader sees: the bottom of the sticky header bar.
  function viewTop() {
    const header = document.querySelector(".bd-header-article");
    return (header ? header.getBoundingClientRect().bottom : 0) + 2;
  }

  // Framework switch: the "this section in ..." link of the last ## section whose top is above the
  // top of the view; null above the first ## section.
  function currentSectionLink() {
    const top = viewTop();
    let current = null;
    for (const link of document.querySelectorAll("article .twin-link a")) {
      if (link.closest("section").getBoundingClientRect().top > top) break;
      current = link;
    }
    return current;
  }

  // Language switch: the innermost section whose top is above the top of the view (section ids are
  // the same in both languages).
  function currentSectionId() {
    const top = viewTop();
    let current = null;
    for (const section of document.querySelectorAll("article section[id]")) {
      if (section.getBoundingClientRect().top <= top) current = section.id;
    }
    return current;
  }

  // Following a switch (clicks and Enter both fire "click"): go to the section being read.
  document.addEventListener("click", (event) => {
    const twin = event.target.closest(".twin-switch a:not([aria-current])");
    const section = twin && currentSectionLink();
    if (section) twin.href = section.href;

    const language = event.target.closest(".language-switch a");
    if (!language) return;
    remember(LANGUAGE, language.dataset.language);
    if (language.hasAttribute("aria-current")) return;
    const id = currentSectionId();
    if (id) language.href = language.href.split("#")[0] + "#" + id;
  });

  // The home page, entered from outside the book, in the remembered language.
  const here = document.documentElement.lang;
  const wanted = remembered(LANGUAGE);
  const home = /\/(index|intro)\.html$|\/$/.test(location.pathname);
  const fromOutside = !document.referrer || new URL(document.referrer).origin !== location.origin;
  if (home && fromOutside && wanted && wanted !== here) {
    const other = document.querySelector(`.language-switch a[data-language="${wanted}"]`);
    if (other) {
      location.replace(other.href);
      return;
    }
  }

  // A notebook page is the reader's choice of framework.
  const page = location.pathname.split("/").pop().replace(/\.html$/, "");
  if (FRAMEWORKS.includes(page) && document.querySelector(".twin-switch")) remember(FRAMEWORK, page);

  const framework = remembered(FRAMEWORK);
  if (!FRAMEWORKS.includes(framework)) return;
  const file = `/${framework}.html`;
  // Chapter pages: the remembered notebook's list item first.
  for (const link of document.querySelectorAll(`article li a[href$="${framework}.html"]`)) {
    const item = link.closest("li");
    if (link.href.endsWith(file) && item.parentElement.firstElementChild !== item) {
      item.parentElement.prepend(item);
    }
  }
  // The intro's chapter table: a chapter (a folder whose notebooks the sidebar lists) opens at its
  // notebook.
  const folders = new Set([...document.querySelectorAll("nav.bd-docs-nav a")]
    .map((a) => a.href).filter((href) => href.endsWith(file))
    .map((href) => href.slice(0, -file.length)));
  for (const link of document.querySelectorAll("article table a[href$='index.html']")) {
    const folder = link.href.replace(/\/index\.html$/, "");
    if (folders.has(folder)) link.href = folder + file;
  }
})();
