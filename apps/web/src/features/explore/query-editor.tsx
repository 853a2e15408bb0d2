import type { QueryCatalog } from '@bearing/contracts';
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  type CompletionSource,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, keymap } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { suggestQueryWords } from './query-completions';
import { queryHighlightStyle, queryLanguage } from './query-highlighting';
import { queryWords } from './query-syntax';

export interface QueryEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter or Cmd+Enter. */
  onRun: () => void;
  /** The words to colour and suggest; until it has loaded the editor only edits. */
  catalog: QueryCatalog | undefined;
  /** The editable area's accessible name and the id of the text describing it. */
  label: string;
  describedBy?: string;
}

const editorLook = EditorView.theme({
  '&': {
    border: '1px solid var(--mantine-color-default-border)',
    borderRadius: 'var(--mantine-radius-sm)',
    backgroundColor: 'var(--mantine-color-white)',
    fontSize: 'var(--mantine-font-size-sm)',
  },
  '&.cm-focused': {
    outline: '2px solid var(--mantine-primary-color-filled)',
    outlineOffset: '-1px',
  },
  '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)', lineHeight: 1.55 },
  '.cm-content': { minHeight: '8rem', padding: '8px 0' },
  '.cm-line': { padding: '0 10px' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--mantine-primary-color-filled)',
    color: 'var(--mantine-color-white)',
  },
});

/** The editable area (CodeMirror's `role="textbox"` element) is what a screen reader names. */
function labelling(label: string, describedBy: string | undefined) {
  return EditorView.contentAttributes.of({
    'aria-label': label,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  });
}

/** The catalog's colours and suggestions: reconfigured when the catalog arrives. */
function catalogExtensions(catalog: QueryCatalog | undefined) {
  const words = queryWords(catalog);
  const suggest: CompletionSource = (context) => {
    if (!catalog) return null;
    const found = suggestQueryWords(
      context.state.doc.toString(),
      context.pos,
      catalog,
      context.explicit,
    );
    return found && { ...found, validFor: /^[A-Za-z0-9_]*$/ };
  };
  return [queryLanguage(words), autocompletion({ override: [suggest], icons: true })];
}

/**
 * The query editor (CodeMirror 6): the query language's colours, suggestions from the catalog
 * (Ctrl+Space asks for them anywhere), bracket matching, undo, and Ctrl/Cmd+Enter to run. Tab
 * is left to move the focus on, so the editor is no keyboard trap. A `value` that changes from
 * outside (a saved query opened) replaces the text.
 */
export function QueryEditor({
  value,
  onChange,
  onRun,
  catalog,
  label,
  describedBy,
}: QueryEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRun });
  const catalogSlot = useRef(new Compartment());
  const attributes = useRef(new Compartment());

  useEffect(() => {
    callbacks.current = { onChange, onRun };
  }, [onChange, onRun]);

  useEffect(() => {
    const run = (editor: EditorView) => {
      // The answer is what matters now: a suggestion still open would cover it.
      closeCompletion(editor);
      callbacks.current.onRun();
      return true;
    };
    const editor = new EditorView({
      parent: host.current ?? undefined,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run },
              { key: 'Ctrl-Enter', run },
              { key: 'Meta-Enter', run },
            ]),
          ),
          history(),
          drawSelection(),
          closeBrackets(),
          bracketMatching(),
          syntaxHighlighting(queryHighlightStyle),
          keymap.of([
            ...closeBracketsKeymap,
            ...completionKeymap,
            ...historyKeymap,
            ...defaultKeymap,
          ]),
          EditorView.lineWrapping,
          editorLook,
          attributes.current.of(labelling(label, describedBy)),
          catalogSlot.current.of(catalogExtensions(undefined)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The view is made once; later values, catalogs and labels reach it through the effects below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: value },
      selection: { anchor: value.length },
    });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: catalogSlot.current.reconfigure(catalogExtensions(catalog)),
    });
  }, [catalog]);

  useEffect(() => {
    view.current?.dispatch({
      effects: attributes.current.reconfigure(labelling(label, describedBy)),
    });
  }, [label, describedBy]);

  return <div ref={host} />;
}
