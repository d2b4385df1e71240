// Keyboard shortcuts for editing. Ignored while typing in a field.
import { useApp, type Tool } from '../state/store';

const TOOL_KEYS: Record<string, Tool> = { h: 'pan', b: 'brush', x: 'box', l: 'lasso', t: 'town', k: 'lock', c: 'cursor' };

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
    // A modal dialog is open: the keys belong to it, not to the map behind.
    if (target?.closest?.('dialog[open]') || document.querySelector('dialog[open]')) return;
    const app = useApp.getState();
    const key = e.key.toLowerCase();
    const mod = e.ctrlKey || e.metaKey;
    if (mod && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) app.redo();
      else app.undo();
    } else if (mod && key === 'y') {
      e.preventDefault();
      app.redo();
    } else if (!mod && !e.altKey && TOOL_KEYS[key]) {
      app.setTool(TOOL_KEYS[key]);
    } else if (key === '[') {
      app.setBrushPx(Math.max(2, app.brushPx - 4));
    } else if (key === ']') {
      app.setBrushPx(Math.min(60, app.brushPx + 4));
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
