import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { QueryEditorProps } from './query-editor';

// CodeMirror (~120 kB gzipped) is the Explore page's heaviest part: it loads apart from the
// page's code, its download starting as soon as the page's code runs (in parallel with the
// catalog's request), so it is on no route's initial JavaScript.
const loading = import('./query-editor');
// A failed download shows when the editor renders (through the route's error page).
loading.catch(() => undefined);
const Editor = lazy(async () => ({ default: (await loading).QueryEditor }));

/** The query editor, with a placeholder of its size until its code is there. */
export function LazyQueryEditor(props: QueryEditorProps) {
  return (
    <Suspense
      fallback={
        <Skeleton
          height={150}
          radius="sm"
          role="progressbar"
          aria-busy="true"
          aria-label="Loading the editor"
        />
      }
    >
      <Editor {...props} />
    </Suspense>
  );
}
