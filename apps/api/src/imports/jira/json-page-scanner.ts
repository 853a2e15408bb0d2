/** What the scanner reports, in file order. */
export type PageHandler = {
  pageStart(): void;
  /** A top-level field of a page other than `issues`, parsed (`total`, `names`, `isLast`, …). */
  pageField(key: string, value: unknown): void;
  /** One element of a page's `issues` array, parsed. */
  issue(value: unknown): void;
  pageEnd(): void;
};

/**
 * The file is not JSON, or not shaped like pages of a search response. `line` (from 1) and
 * `page` (from 1; 0 before the first) say where, when the problem is at a place in the file
 * rather than at its end.
 */
export class JsonShapeError extends Error {
  constructor(
    message: string,
    readonly where?: { line: number; page: number },
  ) {
    super(message);
  }
}

type State =
  | 'top'
  | 'top-array-value'
  | 'top-array-next'
  | 'page-key'
  | 'page-key-or-end'
  | 'page-colon'
  | 'page-value'
  | 'page-next'
  | 'issues-value-or-end'
  | 'issues-value'
  | 'issues-next'
  | 'capture';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Reads Jira search responses from a stream of text without ever holding the whole file:
 * a page's small fields and each element of its `issues` array are cut out and handed to
 * `JSON.parse` one at a time, so memory follows the largest issue, not the file.
 *
 * Accepted: one page object, a JSON array of pages, or several pages one after the other
 * (`cat page-*.json`). The scanner only tracks the structure around the pieces — strings,
 * brackets and the separators between page fields and issues — and `JSON.parse` checks each
 * piece, so anything that is not JSON is refused either here or there.
 */
export class JsonPageScanner {
  private state: State = 'top';
  /** Where a finished capture goes. */
  private captureTarget: 'key' | 'field' | 'issue' = 'field';
  private parts: string[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;
  private inTopArray = false;
  private key = '';
  private sawIssues = false;
  private offset = 0;
  private pages = 0;

  constructor(private readonly handler: PageHandler) {}

  /** Number of pages seen so far. */
  get pageCount(): number {
    return this.pages;
  }

  write(chunk: string): void {
    this.chunkSerial++;
    this.chunk = chunk;
    this.lineCursor = 0;
    this.lineAtCursor = this.lineAtChunkStart;
    this.nextNewline = chunk.indexOf('\n');
    let index = 0;
    while (index < chunk.length) {
      if (this.state === 'capture') {
        index = this.continueCapture(chunk, index);
        continue;
      }
      const code = chunk.charCodeAt(index);
      if (WHITESPACE.has(code)) {
        index++;
        continue;
      }
      this.at = index;
      this.step(code, chunk, index);
      // A value starting here is scanned from its first character by `continueCapture`.
      if (!this.capturing()) index++;
    }
    this.offset += chunk.length;
    this.lineAtChunkStart = this.lineAt(chunk.length);
  }

  /**
   * The line of `index` in the current chunk. Each newline is found once, as reading moves on
   * (`nextNewline` is the first one past the cursor, -1 when the chunk has no more).
   */
  private lineAt(index: number): number {
    if (index < this.lineCursor) {
      this.lineCursor = 0;
      this.lineAtCursor = this.lineAtChunkStart;
      this.nextNewline = this.chunk.indexOf('\n');
    }
    while (this.nextNewline >= 0 && this.nextNewline < index) {
      this.lineAtCursor++;
      this.nextNewline = this.chunk.indexOf('\n', this.nextNewline + 1);
    }
    this.lineCursor = index;
    return this.lineAtCursor;
  }

  private here(): { line: number; page: number } {
    return { line: this.lineAt(this.at), page: this.pages };
  }

  /** Call once the stream ended; throws when it ended in the middle of something. */
  end(): void {
    if (this.state === 'capture' && this.primitive) this.finishCapture();
    if (this.state !== 'top' || this.inTopArray) {
      throw new JsonShapeError('the file ends in the middle of a JSON value');
    }
    if (this.pages === 0) throw new JsonShapeError('the file holds no JSON object');
  }

  private step(code: number, chunk: string, index: number): void {
    switch (this.state) {
      case 'top':
        if (code === OPEN_BRACE) return this.startPage();
        if (code === OPEN_BRACKET && !this.inTopArray && this.pages === 0) {
          this.inTopArray = true;
          this.state = 'top-array-value';
          return;
        }
        throw this.unexpected(chunk, index);
      case 'top-array-value':
        if (code === OPEN_BRACE) return this.startPage();
        if (code === CLOSE_BRACKET && this.pages === 0) return this.endTopArray();
        throw this.unexpected(chunk, index);
      case 'top-array-next':
        if (code === COMMA) {
          this.state = 'top-array-value';
          return;
        }
        if (code === CLOSE_BRACKET) return this.endTopArray();
        throw this.unexpected(chunk, index);
      case 'page-key-or-end':
        if (code === CLOSE_BRACE) return this.endPage();
        return this.startKey(code, chunk, index);
      case 'page-key':
        return this.startKey(code, chunk, index);
      case 'page-colon':
        if (code !== COLON) throw this.unexpected(chunk, index);
        this.state = 'page-value';
        return;
      case 'page-value':
        if (this.key === 'issues') {
          if (code !== OPEN_BRACKET) throw new JsonShapeError('no issues array', this.here());
          this.sawIssues = true;
          this.state = 'issues-value-or-end';
          return;
        }
        return this.startCapture('field', code, chunk, index);
      case 'page-next':
        if (code === COMMA) {
          this.state = 'page-key';
          return;
        }
        if (code === CLOSE_BRACE) return this.endPage();
        throw this.unexpected(chunk, index);
      case 'issues-value-or-end':
        if (code === CLOSE_BRACKET) {
          this.state = 'page-next';
          return;
        }
        return this.startCapture('issue', code, chunk, index);
      case 'issues-value':
        return this.startCapture('issue', code, chunk, index);
      case 'issues-next':
        if (code === COMMA) {
          this.state = 'issues-value';
          return;
        }
        if (code === CLOSE_BRACKET) {
          this.state = 'page-next';
          return;
        }
        throw this.unexpected(chunk, index);
      case 'capture':
        return;
    }
  }

  private capturing(): boolean {
    return this.state === 'capture';
  }

  private startPage(): void {
    this.pages++;
    this.sawIssues = false;
    this.handler.pageStart();
    this.state = 'page-key-or-end';
  }

  private endPage(): void {
    if (!this.sawIssues) throw new JsonShapeError('no issues array', this.here());
    this.handler.pageEnd();
    this.state = this.inTopArray ? 'top-array-next' : 'top';
  }

  private endTopArray(): void {
    if (this.pages === 0) throw new JsonShapeError('no issues array', this.here());
    this.inTopArray = false;
    this.state = 'top';
  }

  private startKey(code: number, chunk: string, index: number): void {
    if (code !== QUOTE) throw this.unexpected(chunk, index);
    this.startCapture('key', code, chunk, index);
  }

  private startCapture(
    target: 'key' | 'field' | 'issue',
    code: number,
    chunk: string,
    index: number,
  ) {
    const opensContainer = code === OPEN_BRACE || code === OPEN_BRACKET;
    const isPrimitive =
      code === 0x2d ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x74 ||
      code === 0x66 ||
      code === 0x6e;
    if (!opensContainer && code !== QUOTE && !isPrimitive) throw this.unexpected(chunk, index);
    if (target === 'key' && code !== QUOTE) throw this.unexpected(chunk, index);
    this.captureTarget = target;
    this.parts = [];
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.primitive = isPrimitive;
    this.state = 'capture';
    this.captureStart = index;
    this.captureLine = this.lineAt(index);
  }

  private captureStart = 0;
  /** The line the value being captured starts on. */
  private captureLine = 1;
  /** The chunk being scanned, where `at` is, and the line count up to `lineCursor` in it. */
  private chunk = '';
  private at = 0;
  private lineAtChunkStart = 1;
  private lineCursor = 0;
  private lineAtCursor = 1;
  private nextNewline = -1;
  /** The chunk `backslashAt` was found in, and the next backslash at or after the scan. */
  private backslashChunk = -1;
  private chunkSerial = 0;
  private backslashAt = -1;

  /**
   * Scans the value being captured from `index`; returns where scanning stopped (the end of
   * the chunk, or just after the value — or at the delimiter that ends a bare primitive).
   */
  private continueCapture(chunk: string, index: number): number {
    const start = this.captureStart;
    let position = index;
    if (this.primitive) {
      while (position < chunk.length && !isDelimiter(chunk.charCodeAt(position))) position++;
      this.parts.push(chunk.slice(start, position));
      this.captureStart = 0;
      if (position < chunk.length) this.finishCapture();
      return position;
    }
    while (position < chunk.length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          position++;
          continue;
        }
        // Jump to the next quote or backslash: string contents are most of a Jira export.
        // The next backslash is remembered per chunk, so a chunk is searched for it only once.
        const quote = chunk.indexOf('"', position);
        if (
          this.backslashChunk !== this.chunkSerial ||
          (this.backslashAt >= 0 && this.backslashAt < position)
        ) {
          this.backslashChunk = this.chunkSerial;
          this.backslashAt = chunk.indexOf('\\', position);
        }
        const backslash = this.backslashAt;
        if (quote < 0 && backslash < 0) {
          position = chunk.length;
          break;
        }
        if (backslash >= 0 && (quote < 0 || backslash < quote)) {
          this.escaped = true;
          position = backslash + 1;
          continue;
        }
        this.inString = false;
        position = quote + 1;
        if (this.depth === 0) return this.completeAt(chunk, start, position);
        continue;
      }
      const code = chunk.charCodeAt(position);
      if (code === QUOTE) {
        this.inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.depth++;
      } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) return this.completeAt(chunk, start, position + 1);
        if (this.depth < 0) throw this.unexpected(chunk, position);
      } else if (code === BACKSLASH) {
        throw this.unexpected(chunk, position);
      }
      position++;
    }
    this.parts.push(chunk.slice(start));
    this.captureStart = 0;
    return position;
  }

  private completeAt(chunk: string, start: number, end: number): number {
    this.parts.push(chunk.slice(start, end));
    this.captureStart = 0;
    this.finishCapture();
    return end;
  }

  private finishCapture(): void {
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts = [];
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'parse error';
      // V8 says where in the piece: "… in JSON at position 123 (line 1 column 124)".
      const position = /at position (\d+)/.exec(reason)?.[1];
      const line =
        this.captureLine + (position === undefined ? 0 : newlinesIn(text, Number(position)));
      // Where in the file is said by line; V8's position within the piece would mislead.
      const what = reason.replace(/ in JSON at position \d+(?: \(line \d+ column \d+\))?/, '');
      throw new JsonShapeError(`the file is not valid JSON (${what})`, {
        line,
        page: this.pages,
      });
    }
    switch (this.captureTarget) {
      case 'key':
        this.key = value as string;
        this.state = 'page-colon';
        return;
      case 'field':
        this.handler.pageField(this.key, value);
        this.state = 'page-next';
        return;
      case 'issue':
        this.handler.issue(value);
        this.state = 'issues-next';
        return;
    }
  }

  private unexpected(chunk: string, index: number): JsonShapeError {
    const character = JSON.stringify(chunk.charAt(index));
    return new JsonShapeError(
      `the file is not valid JSON (unexpected ${character} at character ${this.offset + index + 1})`,
      { line: this.lineAt(index), page: this.pages },
    );
  }
}

function newlinesIn(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function isDelimiter(code: number): boolean {
  return code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || WHITESPACE.has(code);
}
