import type { ReactNode } from 'react';

/** One column: its header (scope="col") and its cell for a row; `rowHeader` makes that cell the row's header (scope="row"). */
export type Column<T> = { header: ReactNode; cell: (row: T) => ReactNode; rowHeader?: boolean };

type Props<T> = {
  columns: Array<Column<T>>;
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** Says what the table lists; hidden from sight unless `captionVisible`, always read by screen readers. */
  caption?: string;
  captionVisible?: boolean;
  /** `admin-table` unless said otherwise (null: no class). */
  className?: string | null;
  testId?: string;
};

/** The back-office's plain data table: a header row, then one row per item. A server component. */
export function AdminTable<T>({ columns, rows, rowKey, caption, captionVisible = false, className = 'admin-table', testId }: Props<T>) {
  return (
    <table className={className ?? undefined} data-testid={testId}>
      {caption && <caption className={captionVisible ? undefined : 'visually-hidden'}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {columns.map((column, i) =>
              column.rowHeader ? (
                <th key={i} scope="row">
                  {column.cell(row)}
                </th>
              ) : (
                <td key={i}>{column.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
