// The framework switch (see _ext/twin_switch.py). Without this script its links still work; with it,
// the switch opens the twin notebook at the section being read, and the reader's framework is remembered
// (localStorage) so that chapter pages and the intro's chapter table lead to it first.
(() => {
  const KEY = "dl-book-framework";
  const FRAMEWORKS = ["tensorflow", "pytorch"];

  function remembered() {
    try { return localStorage.getItem(KEY); } catch { return null; }  // storage may be switched off
  }

  function remember(framework) {
    try { localStorage.setItem(KEY, framework); } catch { /* nothing to remember with */ }
  }

  // The "this section in ..." link of the last ## section whose top is above the top of the view
  // (the bottom of the sticky header bar); null above the first ## section.
  function currentSectionLink() {
    const header = document.querySelector(".bd-header-article");
    const top = (header ? header.getBoundingClientRect().bottom : 0) + 2;
    let current = null;
    for (const link of document.querySelectorAll("article .twin-link a")) {
      if (link.closest("section").getBoundingClientRect().top > top) break;
      current = link;
    }
    return current;
  }

  // Following the switch to the twin: go to the section being read (clicks and Enter both fire "click").
  document.addEventListener("click", (event) => {
    const other = event.target.closest(".twin-switch a:not([aria-current])");
    const section = other && currentSectionLink();
    if (section) other.href = section.href;
  });

  // A notebook page is the reader's choice of framework.
  const page = location.pathname.split("/").pop().replace(/\.html$/, "");
  if (FRAMEWORKS.includes(page) && document.querySelector(".twin-switch")) remember(page);

  const framework = remembered();
  if (!FRAMEWORKS.includes(framework)) return;
  const file = `/${framework}.html`;
  // Chapter pages: the remembered notebook's list item first.
  for (const link of document.querySelectorAll(`article li a[href$="${framework}.html"]`)) {
    const item = link.closest("li");
    if (link.href.endsWith(file) && item.parentElement.firstElementChild !== item) item.parentElement.prepend(item);
  }
  // The intro's chapter table: a chapter (a folder whose notebooks the sidebar lists) opens at its notebook.
  const folders = new Set([...document.querySelectorAll("nav.bd-docs-nav a")]
    .map((a) => a.href).filter((href) => href.endsWith(file)).map((href) => href.slice(0, -file.length)));
  for (const link of document.querySelectorAll("article table a[href$='index.html']")) {
    const folder = link.href.replace(/\/index\.html$/, "");
    if (folders.has(folder)) link.href = folder + file;
  }
})();
