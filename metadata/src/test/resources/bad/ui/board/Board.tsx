// A fixture: the entry file the bad manifests' valid declarations name (bad/ui/board/Board.tsx).
export default function Board() {
  return null;
}
