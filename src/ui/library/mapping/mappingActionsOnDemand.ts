/**
 * The import panel's mapping actions for the notes and options shown with an import's result,
 * loaded when first used: they bring the column mapping's suggestions and checks (with zod),
 * which the first picture does not need.
 */
import type { EventImportOptions } from '../../../core/io/event-options';
import { showNotice } from '../../../store/store';

function withMappingActions(
  run: (actions: typeof import('../../../store/mappingActions')) => void,
): void {
  import('../../../store/mappingActions').then(run, () =>
    showNotice({
      kind: 'error',
      text: 'The column mapping could not be loaded (the connection may have dropped): try again.',
    }),
  );
}

/** Goes back to the column mapping of the import the panel shows. */
export const editMapping = () => withMappingActions((actions) => actions.editMapping());

/** Runs the import the panel shows again with other event options. */
export const reimportWithOptions = (events: EventImportOptions) =>
  withMappingActions((actions) => actions.reimportWithOptions(events));
