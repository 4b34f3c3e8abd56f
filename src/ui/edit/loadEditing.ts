/**
 * Edit mode's code is not part of the first picture: the editing store (its
 * undo history, the edit checks with the dataset schema and zod) and the
 * edit panel are loaded when edit mode is first switched on. `startEditing`
 * is what turns edit mode on, so anything that runs while `editing` is set
 * finds the module already loaded (the import then settles at once).
 */
export const loadEditing = () => import('../../store/editing');

/** The edit panel's code, fetched with the store so the panel opens without a second wait. */
export const loadEditPanel = () => import('./EditBar');
