import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role !== undefined ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('application menu', () => {
  it('has no developer tools or reload in a packaged build', () => {
    for (const isMac of [true, false]) {
      const r = roles(buildMenuTemplate({ isMac, isPackaged: true, appName: 'KPO Workbench' }));
      expect(r).not.toContain('toggleDevTools');
      expect(r).not.toContain('reload');
      expect(r).not.toContain('forceReload');
    }
  });

  it('offers developer tools when not packaged', () => {
    expect(roles(buildMenuTemplate({ isMac: false, isPackaged: false, appName: 'KPO' }))).toContain(
      'toggleDevTools',
    );
  });

  it('keeps the standard edit roles so copy and paste work', () => {
    const r = roles(buildMenuTemplate({ isMac: false, isPackaged: true, appName: 'KPO' }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(r).toContain(role);
  });
});
