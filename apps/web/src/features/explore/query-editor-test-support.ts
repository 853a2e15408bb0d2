import { EditorView } from '@codemirror/view';
import { act, screen } from '@testing-library/react';

/**
 * jsdom lays nothing out and has no `Range.getClientRects`, which CodeMirror calls to measure
 * text (and to place the suggestions). An empty list is what a browser answers for a range
 * that is not displayed, so the editor carries on as if scrolled out of view.
 */
export function measurableRanges(): void {
  const empty = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  const zero = () => new DOMRect(0, 0, 0, 0);
  Range.prototype.getClientRects = empty;
  Range.prototype.getBoundingClientRect = zero;
}

/** The page's query editor (labelled "Query"), once its code has loaded. */
export async function findQueryEditor(): Promise<EditorView> {
  const content = await screen.findByRole('textbox', { name: 'Query' });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('the Query textbox is not a CodeMirror editor');
  return view;
}

/**
 * Replaces the editor's text as typing would (a user input event, the cursor at its end), so
 * the editor reacts as it does to the keyboard: suggestions open, the page sees the change.
 */
export function typeInto(view: EditorView, text: string): void {
  act(() => {
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      selection: { anchor: text.length },
      userEvent: 'input.type',
    });
  });
}
