import type { FileView } from '../../shared/api.ts';
import { formatSize } from '../lib/format.ts';
import { DateTime } from './DateTime.tsx';

const CLEANING_LABELS: Record<FileView['cleaning'], string> = {
  cleaned: 'Metadata removed',
  unchanged: 'Unchanged',
  failed: 'Not cleaned',
};

interface Props {
  files: FileView[];
  /** Download address of a file's cleaned copy. */
  downloadUrl: (fileId: string) => string;
}

/**
 * The report's files with their cleaning status. Files are only ever downloaded (the server sends them as
 * attachments), never shown here. A file whose cleaning failed has no cleaned copy, so it has no link: its
 * original is sealed evidence that opens only under the two-person rule.
 */
export function FileList({ files, downloadUrl }: Props) {
  if (files.length === 0) return <p className="muted">No files were attached.</p>;
  return (
    <ul className="files">
      {files.map((file) => {
        const failed = file.cleaning === 'failed';
        return (
          <li key={file.id} className={failed ? 'file file--failed' : 'file'}>
            <p className="file-line">
              <bdi className="file-name">{file.name}</bdi>
              <span className="file-meta">
                {file.size === null ? 'stored copy missing' : formatSize(file.size)} ·{' '}
                <span className={`cleaning cleaning--${file.cleaning}`}>{CLEANING_LABELS[file.cleaning]}</span> · added{' '}
                <DateTime iso={file.createdAt} />
              </span>
            </p>
            {failed ? (
              <div className="file-warning">
                <p>
                  <strong>No cleaned copy.</strong> {file.note}
                </p>
                <p>The original is kept sealed as evidence; opening it needs a second person’s approval.</p>
              </div>
            ) : (
              <>
                {file.note ? <p className="file-note">{file.note}</p> : null}
                <a className="button button--secondary" href={downloadUrl(file.id)} download>
                  Download<span className="visually-hidden"> {file.name}</span>
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
