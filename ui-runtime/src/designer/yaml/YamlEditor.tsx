// The YAML view: CodeMirror 6 with YAML highlighting, completion and hover from the manifest's JSON
// Schema, and the server's problems as inline diagnostics at their line and column.
import { autocompletion, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { ManifestProblem } from '../api';
import { hover, suggestions } from './schemaAssist';

function complete(context: CompletionContext) {
  const text = context.state.doc.toString();
  const { from, options } = suggestions(text, context.pos);
  if (options.length === 0 || (!context.explicit && from === context.pos && context.matchBefore(/[\w$]/) === null && !/[:{,\s]$/.test(text.slice(0, context.pos)))) {
    return null;
  }
  return {
    from,
    options: options.map((o) => ({
      label: o.label,
      type: o.kind,
      detail: o.detail,
      info: o.info,
      apply: o.kind === 'property' ? `${o.label}: ` : o.label,
    })),
    validFor: /^[\w$]*$/,
  };
}

const schemaHover = hoverTooltip((view, pos) => {
  const found = hover(view.state.doc.toString(), pos);
  if (!found) return null;
  return {
    pos: found.from,
    end: found.to,
    above: true,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'prm-schema-hover';
      dom.textContent = found.text;
      return { dom };
    },
  };
});

/** Diagnostics for problems of this file, placed at their 1-based line and column. */
export function diagnostics(state: EditorState, problems: ManifestProblem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(p.line, 1), state.doc.lines));
    const from = Math.min(line.from + Math.max(p.column - 1, 0), line.to);
    const word = state.doc.sliceString(from, line.to).match(/^[^\s,}\]]*/)?.[0] ?? '';
    return { from, to: Math.max(from + word.length, Math.min(from + 1, line.to)), severity: 'error', message: `${p.pointer}: ${p.message}` };
  });
}

interface Props {
  value: string;
  onChange: (text: string) => void;
  problems: ManifestProblem[];
  readOnly?: boolean;
}

export function YamlEditor({ value, onChange, problems, readOnly }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          foldGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          // the pane is narrow: long flow mappings wrap instead of hiding their end
          EditorView.lineWrapping,
          syntaxHighlighting(defaultHighlightStyle),
          yaml(),
          autocompletion({ override: [complete], activateOnTyping: true }),
          schemaHover,
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorState.readOnly.of(!!readOnly),
          // tabindex makes the editable content count as focusable for axe (scrollable-region-focusable)
          EditorView.contentAttributes.of({ 'aria-label': 'Manifest YAML', tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) change.current(u.state.doc.toString());
          }),
          EditorView.theme({ '&': { height: '100%', fontSize: '12.5px' }, '.cm-scroller': { fontFamily: 'var(--mantine-font-family-monospace)' } }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // the editor is created once; value changes arrive through the effect below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== value) {
      // replace only the changed middle, so the view keeps its scroll position and selection elsewhere
      let start = 0;
      while (start < current.length && start < value.length && current[start] === value[start]) start++;
      let end = 0;
      while (end < current.length - start && end < value.length - start && current[current.length - 1 - end] === value[value.length - 1 - end]) end++;
      editor.dispatch({ changes: { from: start, to: current.length - end, insert: value.slice(start, value.length - end) } });
    }
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, diagnostics(editor.state, problems)));
  }, [problems, value]);

  return <div ref={host} className="prm-yaml-editor" data-testid="yaml-editor" />;
}
