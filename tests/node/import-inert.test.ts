import { describe, expect, it } from 'vitest';
import { htmlToSource } from '../../src/main/services/import/html.js';

/**
 * The HTML parser must be inert: a page's scripts never run. These pages would change what
 * Parallax reads if any of their scripts ran (the title, the article text), so the test fails
 * the moment scripts are turned on.
 */
const article = Array.from({ length: 6 }, (_v, i) => `<p>The council met on Tuesday to discuss the flood defences along the river, paragraph ${i + 1} of the report, which residents say were neglected for a decade.</p>`).join('\n');

describe('HTML is parsed inertly', () => {
  it('runs no inline script, handler or javascript: URL', () => {
    const html = `<!doctype html><html lang="en"><head><title>Council weighs flood defences</title>
      <script>document.title = 'PWNED'; document.body && (document.body.innerHTML = '<p>PWNED</p>');</script>
      </head><body onload="document.title='PWNED-ONLOAD'">
      <img src="x" onerror="document.title='PWNED-ONERROR'">
      <article><h1>Council weighs flood defences</h1>${article}
      <script>document.querySelector('article').insertAdjacentHTML('beforeend', '<p>PWNED paragraph added by a script in the page.</p>')</script>
      <a href="javascript:document.title='PWNED-LINK'">a link</a></article></body></html>`;
    const source = htmlToSource(html, '/tmp/page.html');
    const text = source.blocks.map((block) => block.text).join('\n');
    expect(source.title ?? '').not.toMatch(/PWNED/);
    expect(text).not.toMatch(/PWNED/);
    expect(text).toContain('flood defences along the river');
  });
});
