import { Checkbox, Group, Select, TextInput } from '@mantine/core';
import type { CsvDelimiter, CsvEncoding } from '@core/csv';
import { CSV_DELIMITERS } from '@core/csv';
import { DEFAULT_MISSING_TOKENS } from '@core/table';
import type { DatasetImportOverrides } from '../../workers/import-dataset';
import { DELIMITER_NAMES, ENCODING_NAMES } from './format';

const AUTO = 'auto';
const ENCODINGS = Object.keys(ENCODING_NAMES) as CsvEncoding[];

export interface ImportOptionsValue {
  encoding: CsvEncoding | undefined;
  delimiter: CsvDelimiter | undefined;
  hasHeader: boolean;
  /** Comma-separated, as typed. */
  missingValues: string;
}

/** The defaults, as the options field shows them (empty cells are always missing). */
export const DEFAULT_MISSING_VALUES = DEFAULT_MISSING_TOKENS.filter((token) => token !== '').join(', ');

/** "NA, n/a , -" → ['NA', 'n/a', '-']: trimmed, empty pieces dropped. */
export function parseMissingValues(text: string): string[] {
  return text
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

/** The choices as importer overrides: "detect" leaves the importer to decide. */
export function toOverrides(value: ImportOptionsValue): DatasetImportOverrides {
  return {
    ...(value.encoding ? { encoding: value.encoding } : {}),
    ...(value.delimiter ? { delimiter: value.delimiter } : {}),
    hasHeader: value.hasHeader,
    missingTokens: ['', ...parseMissingValues(value.missingValues)],
  };
}

/** Encoding, delimiter and header row: what detection can get wrong and the user can override. */
export function ImportOptionsFields(props: {
  value: ImportOptionsValue;
  onChange: (value: ImportOptionsValue) => void;
}) {
  const { value, onChange } = props;
  return (
    <>
      <Group align="flex-end" grow>
        <Select
          label="Encoding"
          allowDeselect={false}
          data={[
            { value: AUTO, label: 'Detect automatically' },
            ...ENCODINGS.map((e) => ({ value: e, label: ENCODING_NAMES[e] })),
          ]}
          value={value.encoding ?? AUTO}
          onChange={(chosen) => {
            onChange({ ...value, encoding: ENCODINGS.find((e) => e === chosen) });
          }}
        />
        <Select
          label="Delimiter"
          allowDeselect={false}
          data={[
            { value: AUTO, label: 'Detect automatically' },
            ...CSV_DELIMITERS.map((d) => ({ value: d, label: DELIMITER_NAMES[d] })),
          ]}
          value={value.delimiter ?? AUTO}
          onChange={(chosen) => {
            onChange({ ...value, delimiter: CSV_DELIMITERS.find((d) => d === chosen) });
          }}
        />
      </Group>
      <TextInput
        mt="sm"
        label="Missing values"
        description="Cell texts read as missing, separated by commas. Empty cells are always missing."
        value={value.missingValues}
        onChange={(e) => {
          onChange({ ...value, missingValues: e.currentTarget.value });
        }}
      />
      <Checkbox
        mt="sm"
        label="The first row holds the column names"
        checked={value.hasHeader}
        onChange={(e) => {
          onChange({ ...value, hasHeader: e.currentTarget.checked });
        }}
      />
    </>
  );
}
