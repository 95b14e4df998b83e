import type { FileView } from '../../shared/api.ts';
import { formatSize } from '../lib/format.ts';
import { DateTime } from './DateTime.tsx';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  if (files.length === 0) return <p className="muted">{t('fileList.none')}</p>;
  return (
    <ul className="files">
      {files.map((file) => {
        const failed = file.cleaning === 'failed';
        return (
          <li key={file.id} className={failed ? 'file file--failed' : 'file'}>
            <p className="file-line">
              <bdi className="file-name">{file.name}</bdi>
              <span className="file-meta">
                {file.size === null ? t('fileList.missing') : formatSize(file.size)} ·{' '}
                <span className={`cleaning cleaning--${file.cleaning}`}>{t(`fileList.cleaning.${file.cleaning}`)}</span>{' '}
                · {t('fileList.added')} <DateTime iso={file.createdAt} />
              </span>
            </p>
            {failed ? (
              <div className="file-warning">
                <p>
                  <strong>{t('fileList.noCleanedCopy')}</strong> <bdi>{file.note}</bdi>
                </p>
                <p>{t('fileList.sealed')}</p>
              </div>
            ) : (
              <>
                {file.note ? (
                  <p className="file-note" dir="auto">
                    {file.note}
                  </p>
                ) : null}
                <a className="button button--secondary" href={downloadUrl(file.id)} download>
                  {t('fileList.download')}
                  <span className="visually-hidden">
                    {' '}
                    <bdi>{file.name}</bdi>
                  </span>
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
