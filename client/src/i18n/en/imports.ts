import type zh from '../zh-CN/imports';
import type { Shape } from '../shape';

const imports: Shape<typeof zh> = {
  importWizard: {
    title: 'Import lawyers',
    subtitle: 'Upload an .xlsx or .csv sheet, check the preview, then confirm. Imported lawyers are applicants and still need vetting.',
    steps: { upload: 'Upload', preview: 'Check preview', result: 'Result' },
    drop: 'Drop the file here or click to choose',
    accept: '.xlsx or .csv, up to 5 MB. Required columns: name, gender, licence number, firm, licensed since, phone, ID number',
    uploading: 'Uploading and checking…',
    fileName: 'File: {name}',
    totals: '{total} rows: {valid} can be imported, {invalid} have errors',
    expiresAt: 'Preview valid until {at}',
    onlyErrors: 'Rows with errors only',
    row: 'Row',
    name: 'Name',
    licenceNumber: 'Licence number',
    result: 'Check',
    ok: 'OK',
    eligibleHint: 'Eligible',
    notEligibleHint: 'Not eligible yet',
    fileErrors: 'Problems with the sheet',
    confirm: 'Import {n} rows',
    confirmAsk: 'Import {n} lawyers ({m} rows with errors are left out)?',
    nothingValid: 'No row can be imported; fix the sheet and upload it again',
    applying: 'Importing, please wait…',
    restart: 'Upload another file',
    done: 'Import finished',
    created: '{n} lawyers created',
    skipped: '{n} rows skipped: registered meanwhile',
    invalidSkipped: '{n} rows with errors not imported',
    already: 'This batch was already imported; nothing written again',
    toVetting: 'Go to vetting',
    toList: 'See the lawyer list',
    field: 'Field',
    missing: 'Missing columns: {cols}',
    codes: { required: 'required', invalid: 'invalid', duplicate_in_file: 'duplicate in file', already_registered: 'already registered' },
  },
};

export default imports;
