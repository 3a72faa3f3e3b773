import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applyOverlay, type OverlayDocument } from '../overlay/apply-overlay.js';
import type { Bump } from './bump.js';
import { changesetFileName, writeChangeset } from './changeset-file.js';
import { classifyChanges, type ClassifiedChange } from './classify-changes.js';
import { examplesReport, type ExamplesReport } from './examples-report.js';
import { extractOperation } from './extract-operation.js';
import { findOperations } from '../document/find-operation.js';
import { fragmentYaml } from './fragment-yaml.js';
import type { JsonObject } from '../document/json-value.js';
import { lineDiff, type LineDiff } from './line-diff.js';
import { overlayReport, type OverlayReport } from './overlay-report.js';
import { packageBumps, type PublishedPackage } from './package-bumps.js';
import { readOpenApiSource } from './read-openapi-source.js';
import { UpstreamRefusal } from './upstream-refusal.js';

/** Where a sync reads and writes: every path is given, so tests can point at temporary copies. */
export interface SyncOptions {
  /** The upstream OpenAPI document: a file path or an http(s) URL. */
  source: string;
  /** Our fragment file, rewritten with upstream's operation. */
  fragmentPath: string;
  /** Our overlay of corrections, re-applied to the new fragment. */
  overlayPath: string;
  /** The `.changeset` directory the changeset is written to. */
  changesetDirectory: string;
  /** Report only: write neither the fragment nor a changeset. */
  dryRun?: boolean;
  /** The operation to sync; `manageConversation` unless told. */
  operationId?: string;
}

/** A sync that refused the upstream document; nothing was written. */
export interface RefusedSync {
  status: 'refused';
  source: string;
  reason: string;
  exitCode: 2;
}

/** A sync that went through: what it found, and what it wrote. */
export interface CompletedSync {
  status: 'synced';
  source: string;
  dryRun: boolean;
  operation: { method: string; path: string; previousPath: string | undefined };
  fragment: {
    path: string;
    text: string;
    /** The new text differs from the file's. */
    changed: boolean;
    written: boolean;
    /** The lines that changed, when the file existed and the change is not huge. */
    diff: LineDiff | undefined;
  };
  overlay: Omit<OverlayReport, 'effective'>;
  examples: ExamplesReport;
  changes: ClassifiedChange[];
  bumps: Partial<Record<PublishedPackage, Bump>>;
  /** The changeset written (or, in a dry run, that would be); none when nothing changed. */
  changeset: { path: string; written: boolean } | undefined;
  /** 0, or 1 when an example is still invalid after the overlay (a correction is missing). */
  exitCode: 0 | 1;
}

/**
 * Syncs our fragment with an upstream OpenAPI document: extracts the operation, re-applies the
 * overlay (stale and unnecessary actions), checks the examples (upstream's defects, and missing
 * corrections), classifies the changes of the effective document, then writes the fragment and a
 * changeset (unless a dry run, or nothing changed). A refused upstream writes nothing. Running it
 * again with the same upstream changes nothing.
 *
 * @example
 * const outcome = await syncUpstream({
 *   source: 'https://example.com/api.intercom.io.yaml',
 *   fragmentPath: specFiles.fragment,
 *   overlayPath: specFiles.overlay,
 *   changesetDirectory: join(await repositoryRoot(process.cwd()), '.changeset'),
 * });
 * process.exitCode = outcome.exitCode;
 */
export async function syncUpstream(options: SyncOptions): Promise<RefusedSync | CompletedSync> {
  const { source, fragmentPath, overlayPath, changesetDirectory } = options;
  const dryRun = options.dryRun ?? false;
  const operationId = options.operationId ?? 'manageConversation';

  let extracted: ReturnType<typeof extractOperation>;
  try {
    extracted = extractOperation(await readOpenApiSource(source), operationId);
  } catch (error) {
    if (!(error instanceof UpstreamRefusal)) throw error;
    return { status: 'refused', source, reason: error.message, exitCode: 2 };
  }
  const { fragment, method, path } = extracted;

  const overlay = parse(await readFile(overlayPath, 'utf8')) as OverlayDocument;
  const currentText = await readFile(fragmentPath, 'utf8').catch(() => undefined);
  const text = await fragmentYaml(fragment, fragmentPath, currentText);
  const { effective, ...overlayFindings } = await overlayReport(fragment, overlay);
  const examples = examplesReport(fragment, effective);

  let changes: ClassifiedChange[] = [];
  let previousPath: string | undefined;
  if (currentText !== undefined) {
    const previous = parse(currentText) as JsonObject;
    previousPath = findOperations(previous, operationId)[0]?.path;
    const { document: previousEffective } = await applyOverlay(previous, overlay);
    changes = classifyChanges(previousEffective, effective, operationId);
  }
  const bumps = packageBumps(changes);

  const changed = text !== currentText;
  let changeset: CompletedSync['changeset'];
  if (changes.length > 0) {
    // The changeset first: should writing the fragment fail, a rerun writes the same changeset.
    changeset = dryRun
      ? { path: join(changesetDirectory, changesetFileName(text)), written: false }
      : await writeChangeset(changesetDirectory, text, bumps, changes);
  }
  if (changed && !dryRun) await writeFile(fragmentPath, text);

  return {
    status: 'synced',
    source,
    dryRun,
    operation: { method, path, previousPath },
    fragment: {
      path: fragmentPath,
      text,
      changed,
      written: changed && !dryRun,
      diff: currentText === undefined || !changed ? undefined : lineDiff(currentText, text),
    },
    overlay: overlayFindings,
    examples,
    changes,
    bumps,
    changeset,
    exitCode: examples.missingCorrections.length > 0 ? 1 : 0,
  };
}
