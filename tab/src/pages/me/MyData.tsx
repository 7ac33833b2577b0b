import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState, type ReactElement } from 'react';
import type { DeleteMeResponse } from '@soestainable/shared/api/me';
import { useMutation } from '../../api/useApi';
import { useApiClient } from '../../app/context';
import { ErrorState } from '../../components/states';
import { useT } from '../../texts/useT';
import { meTexts } from './texts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** Hands a downloaded file to the browser as a save. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
}

/** My data: the JSON export (as the bot's download) and the deletion, after an explicit confirmation. */
export function MyData({ onDeleted }: { readonly onDeleted: (result: DeleteMeResponse) => void }): ReactElement {
  const t = useT();
  const styles = useStyles();
  const client = useApiClient();
  const [exported, setExported] = useState(false);
  const [open, setOpen] = useState(false);
  const download = useMutation(useCallback(() => client.download('me.export.get'), [client]));
  const remove = useMutation(useCallback(() => client.send('me.delete', { body: { confirm: true } }), [client]));

  const exportData = async (): Promise<void> => {
    const file = await download.run();
    if (file === undefined) return;
    saveFile(file.blob, file.fileName ?? 'mijn-gegevens.json');
    setExported(true);
  };

  const deleteData = async (): Promise<void> => {
    const result = await remove.run();
    setOpen(false);
    if (result === undefined) return;
    onDeleted(result);
  };

  return (
    <div className={styles.box}>
      <Text>{t(meTexts.dataBody)}</Text>
      <div className={styles.row}>
        <Button onClick={() => void exportData()} disabled={download.busy}>
          {t(meTexts.export)}
        </Button>
        <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
          <DialogTrigger disableButtonEnhancement>
            <Button appearance="secondary">{t(meTexts.delete)}</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t(meTexts.deleteTitle)}</DialogTitle>
              <DialogContent>{t(meTexts.deleteBody)}</DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void deleteData()} disabled={remove.busy}>
                  {t(meTexts.deleteConfirm)}
                </Button>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">{t(meTexts.cancel)}</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
      {exported ? <Text role="status">{t(meTexts.exported)}</Text> : null}
      {download.error === null ? null : <ErrorState error={download.error} />}
      {remove.error === null ? null : <ErrorState error={remove.error} />}
    </div>
  );
}
