import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Checkbox,
  Group,
  Menu,
  Popover,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ColumnSchema } from '@core/table';
import { IconArrowDown, IconArrowUp, IconColumns, IconDownload, IconFilter } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { repositories } from '../../../db';
import type { DatasetSummary, ViewColumn } from '../../../workers/query-engine';
import { lockOf, useDatasetUses } from '../dataset-lock';
import { DataGrid } from './DataGrid';
import { FilterBuilder } from './FilterBuilder';
import { defaultColumnWidth } from './grid-model';
import { GroupByPanel } from './GroupByPanel';
import { ProfilePanel } from './ProfilePanel';
import { SavedViews } from './SavedViews';
import type { QueryRemote } from './use-query-worker';
import { useQueryWorker, useViewResult } from './use-query-worker';
import type { ViewDraft } from './view-draft';
import { EMPTY_DRAFT, draftToSpec, moveColumn, newCondition, specToDraft, toggleSort } from './view-draft';
import { ChangeTypeModal, ExportModal } from './ViewerModals';
import { BusyIndicator } from '../../common/BusyIndicator';

const count = (n: number) => n.toLocaleString('en-US');

/** The element saying why the dataset is read-only, which the disabled controls point at. */
const LOCK_REASON_ID = 'dataset-lock-reason';

/** One dataset: the grid over the current view, with filters, group-by, profiles, saved views and export. */
export function DatasetView({ datasetId }: { datasetId: string }) {
  const { state, reload } = useQueryWorker(datasetId);
  if (state.status === 'loading')
    return (
      <Center h={240}>
        <BusyIndicator label="Loading dataset" />
      </Center>
    );
  if (state.status === 'error')
    return (
      <Stack>
        <Title order={1} size="h2">
          Dataset not found
        </Title>
        <Alert color="red">{state.error}</Alert>
      </Stack>
    );
  return <Viewer datasetId={datasetId} summary={state.summary} remote={state.remote} reload={reload} />;
}

function ColumnsMenu(props: {
  columns: readonly ColumnSchema[];
  draft: ViewDraft;
  onChange: (patch: Partial<ViewDraft>) => void;
}) {
  const { draft } = props;
  const order = draft.order ?? props.columns.map((c) => c.name);
  const grouped = draft.mode !== 'rows';
  return (
    <Popover position="bottom-end" width={300} withinPortal>
      <Popover.Target>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconColumns size={16} aria-hidden />}
          disabled={grouped}
        >
          Columns{draft.hidden.length > 0 ? ` (${draft.hidden.length} hidden)` : ''}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4} role="list" aria-label="Columns" mah={360} style={{ overflowY: 'auto' }}>
          {order.map((name, i) => (
            <Group key={name} role="listitem" gap="xs" wrap="nowrap" justify="space-between">
              <Checkbox
                size="xs"
                label={name}
                checked={!draft.hidden.includes(name)}
                onChange={(event) => {
                  const visible = event.currentTarget.checked;
                  props.onChange({
                    hidden: visible ? draft.hidden.filter((h) => h !== name) : [...draft.hidden, name],
                  });
                }}
              />
              <Group gap={0} wrap="nowrap">
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={`Move ${name} left`}
                  disabled={i === 0}
                  onClick={() => {
                    props.onChange({ order: moveColumn(order, name, -1) });
                  }}
                >
                  <IconArrowUp size={14} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={`Move ${name} right`}
                  disabled={i === order.length - 1}
                  onClick={() => {
                    props.onChange({ order: moveColumn(order, name, 1) });
                  }}
                >
                  <IconArrowDown size={14} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
          ))}
          {draft.hidden.length > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                props.onChange({ hidden: [] });
              }}
            >
              Show all columns
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function Viewer(props: {
  datasetId: string;
  summary: DatasetSummary;
  remote: QueryRemote;
  reload: () => Promise<void>;
}) {
  const { datasetId, summary, remote } = props;
  const [draft, setDraft] = useState<ViewDraft>(EMPTY_DRAFT);
  const [version, setVersion] = useState(0);
  const [activeViewId, setActiveViewId] = useState<string>();
  const [showFilters, setShowFilters] = useState(false);
  const [showGroup, setShowGroup] = useState(false);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [profiled, setProfiled] = useState<string>();
  const [changingType, setChangingType] = useState<ColumnSchema>();
  const [exporting, setExporting] = useState(false);
  // Feeds the "every dataset opened and profiled" QC check; a lost mark only makes that check stricter.
  useEffect(() => {
    repositories.datasetActivity.markOpened(datasetId).catch(() => undefined);
  }, [datasetId]);
  useEffect(() => {
    if (profiled) repositories.datasetActivity.markProfiled(datasetId).catch(() => undefined);
  }, [datasetId, profiled]);

  // The name follows a rename made elsewhere; the table itself stays as loaded until a reload.
  const record = useLiveQuery(async () => (await repositories.datasets.get(datasetId)) ?? null, [datasetId]);
  const name = record?.name ?? summary.name;
  // A task whose work is locked keeps the dataset and its views as they are; exploring stays open.
  const uses = useDatasetUses(datasetId);
  const locked = lockOf(uses);
  const readOnly = uses === undefined || locked !== undefined;
  const { spec, filters, notes, modeNote } = useMemo(
    () => draftToSpec(draft, summary.columns),
    [draft, summary.columns],
  );
  const view = useViewResult(remote, spec, version);
  const outcome = view.status === 'done' ? view.outcome : view.last;
  const update = (patch: Partial<ViewDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };

  const sourceColumn = (column: ViewColumn) =>
    summary.columns.find(
      (c) => c.name === column.name && c.type === column.type && column.bucket === undefined,
    );
  const order = draft.order ?? summary.columns.map((c) => c.name);

  /** Keyboard alternative to dragging a header's edge. */
  const resize = (column: ViewColumn, delta: number) => {
    setWidths((w) => ({
      ...w,
      [column.name]: Math.max(60, (w[column.name] ?? defaultColumnWidth(column.type)) + delta),
    }));
  };

  const headerMenu = (column: ViewColumn) => {
    const source = draft.mode === 'rows' ? sourceColumn(column) : undefined;
    return (
      <>
        <Menu.Item
          onClick={() => {
            update({ sort: [{ column: column.name, direction: 'asc' }] });
          }}
        >
          Sort ascending
        </Menu.Item>
        <Menu.Item
          onClick={() => {
            update({ sort: [{ column: column.name, direction: 'desc' }] });
          }}
        >
          Sort descending
        </Menu.Item>
        <Menu.Item
          onClick={() => {
            setProfiled(column.name);
          }}
        >
          Profile column
        </Menu.Item>
        <Menu.Item
          onClick={() => {
            resize(column, 40);
          }}
        >
          Make wider
        </Menu.Item>
        <Menu.Item
          onClick={() => {
            resize(column, -40);
          }}
        >
          Make narrower
        </Menu.Item>
        {source && (
          <>
            <Menu.Divider />
            <Menu.Item
              onClick={() => {
                update({ hidden: [...draft.hidden, column.name] });
              }}
            >
              Hide column
            </Menu.Item>
            <Menu.Item
              onClick={() => {
                update({ order: moveColumn(order, column.name, -1, draft.hidden) });
              }}
            >
              Move left
            </Menu.Item>
            <Menu.Item
              onClick={() => {
                update({ order: moveColumn(order, column.name, 1, draft.hidden) });
              }}
            >
              Move right
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item
              disabled={readOnly}
              aria-describedby={locked !== undefined ? LOCK_REASON_ID : undefined}
              onClick={() => {
                setChangingType(source);
              }}
            >
              Change type…
            </Menu.Item>
          </>
        )}
      </>
    );
  };

  const profiledIndex =
    outcome && profiled !== undefined ? outcome.columns.findIndex((c) => c.name === profiled) : -1;
  const profiledColumn = outcome?.columns[profiledIndex];
  const facetSource = profiledColumn ? sourceColumn(profiledColumn) : undefined;
  const activeFilters = filters.children.length;

  return (
    <Stack gap="sm" h="calc(100vh - 120px)" mih={480}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {name}
          </Title>
          {record === null && (
            <Alert color="red" py={4}>
              This dataset was deleted; what you see is the copy still in memory.
            </Alert>
          )}
          <Group gap="xs">
            <Text size="sm" c="dimmed" data-testid="dataset-row-count">
              {count(summary.rowCount)} rows
            </Text>
            <Text size="sm" c="dimmed">
              ·
            </Text>
            <Text size="sm" data-testid="view-row-count" aria-live="polite">
              {outcome === undefined
                ? 'Computing…'
                : outcome.grouped
                  ? `${count(outcome.rowCount)} groups from ${count(outcome.matchedRows)} of ${count(outcome.sourceRows)} rows`
                  : `${count(outcome.rowCount)} of ${count(outcome.sourceRows)} rows`}
            </Text>
            {view.status === 'running' && <BusyIndicator size="xs" label="Updating" />}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant={showFilters ? 'light' : 'default'}
            size="sm"
            leftSection={<IconFilter size={16} aria-hidden />}
            aria-pressed={showFilters}
            onClick={() => {
              setShowFilters((s) => !s);
            }}
            rightSection={activeFilters > 0 ? <Badge size="xs">{activeFilters}</Badge> : undefined}
          >
            Filters
          </Button>
          <Button
            variant={showGroup ? 'light' : 'default'}
            size="sm"
            aria-pressed={showGroup}
            onClick={() => {
              setShowGroup((s) => !s);
            }}
          >
            Group / pivot
          </Button>
          <ColumnsMenu columns={summary.columns} draft={draft} onChange={update} />
          <SavedViews
            datasetId={datasetId}
            readOnly={readOnly}
            lockReasonId={locked !== undefined ? LOCK_REASON_ID : undefined}
            currentSpec={spec}
            activeViewId={activeViewId}
            onSaved={setActiveViewId}
            onOpen={(saved) => {
              setDraft(specToDraft(saved.spec, summary.columns));
              setActiveViewId(saved.id);
              if (saved.spec.filters.children.length > 0) setShowFilters(true);
              if (saved.spec.groupBy || saved.spec.pivot) setShowGroup(true);
            }}
          />
          <Button
            size="sm"
            leftSection={<IconDownload size={16} aria-hidden />}
            disabled={view.status !== 'done'}
            onClick={() => {
              setExporting(true);
            }}
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      {locked !== undefined && (
        <Alert color="gray" py={6} id={LOCK_REASON_ID} data-testid="dataset-lock-reason">
          Read-only: {locked} You can still filter, group, profile and export it.
        </Alert>
      )}
      {showFilters && (
        <FilterBuilder
          columns={summary.columns}
          filters={draft.filters}
          notes={notes}
          onChange={(filters) => {
            update({ filters });
          }}
        />
      )}
      {showGroup && (
        <GroupByPanel columns={summary.columns} draft={draft} note={modeNote} onChange={update} />
      )}
      {view.status === 'failed' && (
        <Alert color="red" title="This view cannot be shown" data-testid="view-error">
          {view.error}
        </Alert>
      )}
      {outcome?.droppedPivotColumns ? (
        <Text size="xs" c="red.9">
          {count(outcome.droppedPivotColumns)} further pivot columns were left out.
        </Text>
      ) : null}
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          {outcome && (
            <DataGrid
              remote={remote}
              handle={outcome.handle}
              rowCount={outcome.rowCount}
              columns={outcome.columns}
              sort={spec.sort ?? []}
              label={`${name}: ${outcome.grouped ? 'grouped result' : 'rows'}`}
              widths={widths}
              onResize={(column, width) => {
                setWidths((w) => ({ ...w, [column]: width }));
              }}
              onSortClick={(column, additive) => {
                setDraft((d) => ({ ...d, sort: toggleSort(d.sort, column, additive) }));
              }}
              headerMenu={headerMenu}
            />
          )}
        </Box>
        {outcome && profiledColumn && (
          <ProfilePanel
            remote={remote}
            handle={outcome.handle}
            displayIndex={profiledIndex}
            column={profiledColumn}
            onClose={() => {
              setProfiled(undefined);
            }}
            onFacet={
              facetSource
                ? (value) => {
                    setDraft((d) => ({
                      ...d,
                      filters: {
                        ...d.filters,
                        children: [...d.filters.children, newCondition(facetSource, 'equals', String(value))],
                      },
                    }));
                    setShowFilters(true);
                  }
                : undefined
            }
          />
        )}
      </Group>
      {exporting && outcome && (
        <ExportModal
          remote={remote}
          handle={outcome.handle}
          datasetName={name}
          rowCount={outcome.rowCount}
          onClose={() => {
            setExporting(false);
          }}
        />
      )}
      {changingType && (
        <ChangeTypeModal
          datasetId={datasetId}
          column={changingType}
          onClose={() => {
            setChangingType(undefined);
          }}
          onChanged={async () => {
            await props.reload();
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Stack>
  );
}
