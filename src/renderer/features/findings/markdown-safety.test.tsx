import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { MARKDOWN_SAFETY } from './markdown-safety';

const render = (markdown: string) =>
  renderToStaticMarkup(<Markdown {...MARKDOWN_SAFETY}>{markdown}</Markdown>);

describe('finding Markdown safety', () => {
  it('neutralises javascript:, data: and vbscript: links but keeps web and kpo links', () => {
    const html = render(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](https://example.com) [e](kpo:chart/c1)',
    );
    expect(html).not.toMatch(/javascript:|data:|vbscript:/);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('href="kpo:chart/c1"');
    expect(html).toContain('>a</a>');
  });

  it('drops raw HTML instead of rendering it', () => {
    const html = render('Hello <script>alert(1)</script><img src=x onerror=alert(1)> <b>bold</b>');
    expect(html).not.toMatch(/<script|<img|onerror|<b>/);
    expect(html).toContain('Hello');
  });
});
