import { checklistTemplateSchema } from '@core/package';
import { AUTOMATIC_CHECK_IDS, isAutomaticCheckId } from '@core/workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import dataInterpretation from '../../../resources/qc-templates/data-interpretation.json';
import research from '../../../resources/qc-templates/research.json';
import { BUILT_IN_TEMPLATES } from './built-in-templates';
import { createChecklistTemplatesRepository } from './checklist-templates-repository';
import type { KpoDatabase } from './database';
import { closeTestDatabase, openTestDatabase } from './test-db.test-support';

let db: KpoDatabase;
beforeEach(async () => {
  db = await openTestDatabase('checklist-templates-test');
});
afterEach(async () => {
  await closeTestDatabase(db);
});

describe('built-in checklist templates', () => {
  for (const [file, json] of [
    ['research.json', research],
    ['data-interpretation.json', dataInterpretation],
  ] as const) {
    it(`${file} is a valid template of at least 12 items with unique ids and known checks`, () => {
      const template = checklistTemplateSchema.parse(json);
      expect(template.items.length).toBeGreaterThanOrEqual(12);
      expect(new Set(template.items.map((i) => i.id)).size).toBe(template.items.length);
      for (const item of template.items) {
        if (item.automaticCheck !== undefined) expect(isAutomaticCheckId(item.automaticCheck)).toBe(true);
      }
      expect(template.items.some((i) => i.severity === 'critical')).toBe(true);
    });
  }

  it('between them use every automatic check', () => {
    const used = new Set(BUILT_IN_TEMPLATES.flatMap((t) => t.items.map((i) => i.automaticCheck)));
    for (const id of AUTOMATIC_CHECK_IDS) expect(used.has(id), id).toBe(true);
  });
});

describe('checklist templates repository', () => {
  it('lists built-ins first, then the user templates by name', async () => {
    const templates = createChecklistTemplatesRepository(db);
    await templates.create({ name: 'Zeta', description: '', items: [] });
    await templates.create({ name: 'Alpha', description: '', items: [] });
    const list = await templates.list();
    expect(list.map((t) => [t.name, t.builtIn])).toEqual([
      ['Research task', true],
      ['Data interpretation task', true],
      ['Alpha', false],
      ['Zeta', false],
    ]);
  });

  it('duplicates a built-in into an editable copy and refuses to edit or delete the built-in', async () => {
    const templates = createChecklistTemplatesRepository(db);
    const builtIn = BUILT_IN_TEMPLATES[0]!;
    const copy = await templates.duplicate(builtIn.id);
    expect(copy.name).toBe('Research task (copy)');
    expect(copy.items).toEqual(builtIn.items);
    expect((await templates.duplicate(builtIn.id)).name).toBe('Research task (copy 2)');

    const items = copy.items.map((item, i) =>
      i === 0 ? { ...item, text: 'Scope agreed', severity: 'minor' as const } : item,
    );
    await templates.update(copy.id, { name: copy.name, description: 'Ours', items: items.reverse() });
    const stored = await templates.get(copy.id);
    expect(stored?.items.at(-1)).toMatchObject({ text: 'Scope agreed', severity: 'minor' });
    expect(stored?.description).toBe('Ours');

    await expect(templates.update(builtIn.id, { ...builtIn })).rejects.toThrow(
      /Built-in templates cannot be changed/,
    );
    await expect(templates.remove(builtIn.id)).rejects.toThrow(/Built-in templates cannot be changed/);
    expect((await templates.get(builtIn.id))?.items).toEqual(builtIn.items);

    await templates.remove(copy.id);
    expect(await templates.get(copy.id)).toBeUndefined();
  });

  it('refuses a blank name, a blank item, a repeated item id and an unknown automatic check', async () => {
    const templates = createChecklistTemplatesRepository(db);
    const item = { id: 'a', text: 'Check', severity: 'major' as const, evidenceRequired: false };
    await expect(templates.create({ name: ' ', description: '', items: [] })).rejects.toThrow(/name/);
    await expect(
      templates.create({ name: 'T', description: '', items: [item, { ...item, id: 'b', text: '  ' }] }),
    ).rejects.toThrow('Item 2: write what to check.');
    await expect(templates.create({ name: 'T', description: '', items: [item, item] })).rejects.toThrow(
      'Item 2 repeats the id a.',
    );
    await expect(
      templates.create({ name: 'T', description: '', items: [{ ...item, automaticCheck: 'spell-check' }] }),
    ).rejects.toThrow(/no automatic check called spell-check/);
    expect(await db.checklistTemplates.count()).toBe(0);
  });
});
