import { describe, expect, it } from '@jest/globals';
import { embeddedUserText, userText } from './markdown-user-text.js';

describe('userText', () => {
  it('escapes HTML so it is shown, never run', () => {
    expect(userText('<script>alert(1)</script> & <img src=x onerror=alert(1)>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
  });

  it('turns javascript:, data: and vbscript: links into plain text', () => {
    expect(userText('see [docs](javascript:alert(1))')).toBe('see \\[docs\\](javascript:alert(1))');
    expect(userText('![x](data:text/html;base64,PHNjcmlwdD4=)')).toBe(
      '!\\[x\\](data:text/html;base64,PHNjcmlwdD4=)',
    );
    expect(userText('[a](VBScript:msgbox(1))')).toBe('\\[a\\](VBScript:msgbox(1))');
    // An autolink is escaped HTML; a reference link has no brackets left to form.
    expect(userText('<javascript:alert(1)>')).toBe('&lt;javascript:alert(1)&gt;');
    expect(userText('[a]: javascript:alert(1) and [a]')).toBe(
      '\\[a\\]: javascript:alert(1) and \\[a\\]',
    );
  });

  it('keeps http(s) links as links', () => {
    expect(
      userText('plan in [the doc](https://example.com/plan?a=1&b=2) and [x](http://x.io)'),
    ).toBe('plan in [the doc](https://example.com/plan?a=1&amp;b=2) and [x](http://x.io)');
  });

  it('does not let a user backslash undo the escape of a bracket', () => {
    expect(userText('\\[a\\](javascript:alert(1))')).toBe('\\\\\\[a\\\\\\](javascript:alert(1))');
  });

  it("puts ' before text a spreadsheet would read as a formula, on every line", () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '  =1']) {
      expect(userText(formula)).toBe(`'${formula}`);
    }
    expect(userText('fine\n=HYPERLINK("http://x")')).toBe('fine\n\'=HYPERLINK("http://x")');
    expect(userText('1 + 1 = 2, e-mail me @ home')).toBe('1 + 1 = 2, e-mail me @ home');
  });
});

describe('embeddedUserText', () => {
  it("escapes like userText but adds no ' to the export's own sentence", () => {
    expect(embeddedUserText('-2 d: milestone "<b>x</b>" [y](javascript:z)')).toBe(
      '-2 d: milestone "&lt;b&gt;x&lt;/b&gt;" \\[y\\](javascript:z)',
    );
  });
});
