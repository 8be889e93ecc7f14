"""axe-core, the accessibility checker, run in a page open in the browser.

axe-core is vendored in vendor/axe-core/ (see SOURCE.txt there), so the tests run offline.
"""

from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# axe's rules for WCAG 2 level A and AA (its extra WCAG 2.1/2.2 rules are tagged wcag21a, wcag22aa, ...).
AXE_TAGS = ["wcag2a", "wcag2aa"]
BLOCKING = ("critical", "serious")  # impacts that fail the tests; "moderate" and "minor" are only shown
# The rules whose result depends on colours. Dark mode changes only colours (the theme swaps its CSS
# variables; the page's elements stay the same), so in dark mode only these are run again: a full second
# run would double the time for the same answers.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# What a Korean page shares with its English twin, byte for byte (tests/test_translations.py) and with the
# same styles: its code cells and outputs. A Korean page is checked with every rule except the colour rules
# in light mode (its text is new, its colours are the English page's: same elements, same CSS), and with the
# colour rules in dark mode on everything but these (the translated prose).
CELLS = [".cell_input", ".cell_output"]


def run_axe(tab, rules=None, exclude=(), skip_rules=()) -> list[dict]:
    """The page's axe-core violations: [{"id", "impact", "help", "targets": [css selector, ...]}, ...].

    ``rules`` limits the run to some rule ids (default: every rule tagged with AXE_TAGS); ``skip_rules``
    leaves some out; ``exclude`` (CSS selectors) leaves parts of the page out.
    """
    if not tab.evaluate("() => Boolean(window.axe)"):
        tab.add_script_tag(path=str(AXE_JS))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    return tab.evaluate(
        """async ([only, exclude, skip]) => {
            const context = exclude.length ? {exclude: exclude} : document;
            const rules = Object.fromEntries(skip.map(id => [id, {enabled: false}]));
            const result = await axe.run(context, {runOnly: only, rules, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(" ")),
            }));
        }""",
        [only, list(exclude), list(skip_rules)],
    )


def summary(violations: list[dict]) -> str:
    """One table cell: '0', or e.g. 'serious 8 summary-name; critical 4 image-alt'."""
    if not violations:
        return "0"
    return "; ".join(f"{v['impact']} {len(v['targets'])} {v['id']}" for v in violations)
