import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntentClassifier, type ModelFile } from '../../server/agents/router/classifier.js';
import { readCorpusDir } from '../../server/agents/router/dataset.js';
import { ROOT_DIR } from '../../server/config.js';

describe('the shipped router model', () => {
  it('is exactly what `npm run train` makes from the corpus in the repo (and nothing else)', () => {
    const examples = readCorpusDir(resolve(ROOT_DIR, 'server/agents/router/corpus'));
    const fresh = IntentClassifier.train(examples).toJSON({ examples: examples.length });
    const shipped = JSON.parse(readFileSync(resolve(ROOT_DIR, 'server/agents/router/model.json'), 'utf8')) as ModelFile;
    const { trainedAt: _a, ...freshRest } = fresh;
    const { trainedAt: _b, ...shippedRest } = shipped;
    expect(shippedRest).toEqual(freshRest);
  });
});
