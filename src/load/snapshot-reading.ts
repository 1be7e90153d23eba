// What reading a cluster snapshot's files carries from one file to the next: the shared values and the document
// templates (shared-values.ts, document-templates.ts). A snapshot written one object or one Node per file repeats its
// layouts across files, not within one, so small files share them; a large file starts afresh and lets go of them
// once read, which bounds what the tables hold.
import { DocumentTemplates } from './document-templates.js';
import { SharedValues } from './shared-values.js';

/** Characters of consecutive files that share one set of tables (a 1,000-Node file of a snapshot has 2.7 million). */
const CARRIED_CHARACTERS = 1024 * 1024;

export interface ValueTables {
  readonly shared: SharedValues;
  readonly templates: DocumentTemplates;
}

export class SnapshotReading {
  #tables: ValueTables | undefined;
  #characters = 0;

  /** The tables for the next file, of `length` characters. */
  forFile(length: number): ValueTables {
    this.#characters += length;
    if (this.#tables === undefined || this.#characters > CARRIED_CHARACTERS) {
      const shared = new SharedValues();
      this.#tables = { shared, templates: new DocumentTemplates(shared) };
      this.#characters = length;
    }
    return this.#tables;
  }
}
