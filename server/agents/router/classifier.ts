/**
 * TF-IDF features and a softmax (multinomial logistic) regression over intents, trained with
 * seeded mini-batch SGD. Route scores are the summed probabilities of each route's intents.
 */
import { seededRandom } from '../../random.js';
import { featureCounts } from './features.js';

/** One labelled training example. */
export interface Example {
  text: string;
  route: string;
  intent: string;
}

/** The serialised model (weights quantised to int8, base64, per-intent scale); format 2 has stemmed word features. */
export interface ModelFile {
  format: 'crewdesk-router/2';
  trainedAt: string;
  examples: number;
  intents: string[];
  intentRoutes: Record<string, string>;
  features: string[];
  idf: number[];
  bias: number[];
  scales: number[];
  weights: string;
}

/** What the classifier says about one text. */
export interface Classification {
  intent: string;
  route: string;
  /** Probability of the chosen route (sum over its intents). */
  confidence: number;
  intentConfidence: number;
  routeScores: Record<string, number>;
  intentScores: Record<string, number>;
  /** Share of the text's word features the model knows (low = probably out of domain). */
  coverage: number;
}

/** Options for training. */
export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  minDf?: number;
  /** Called after each epoch with the model so far (progress lines, held-out scores). */
  onEpoch?: (epoch: number, model: IntentClassifier) => void;
}

interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

/** A trained router model. */
export class IntentClassifier {
  private readonly featureIndex: Map<string, number>;

  private constructor(
    readonly intents: string[],
    readonly intentRoutes: Record<string, string>,
    private readonly features: string[],
    private readonly idf: Float32Array,
    private readonly bias: Float32Array,
    /** features × intents, row-major by feature. */
    private readonly weights: Float32Array,
  ) {
    this.featureIndex = new Map(features.map((f, i) => [f, i]));
  }

  /** Routes known to the model, in a stable order. */
  get routes(): string[] {
    return [...new Set(this.intents.map((i) => this.intentRoutes[i]))].sort();
  }

  /** Number of features in the vocabulary. */
  get featureCount(): number {
    return this.features.length;
  }

  private vectorise(text: string): { vec: SparseVec; coverage: number } {
    const counts = featureCounts(text);
    const idx: number[] = [];
    const val: number[] = [];
    let wordsSeen = 0;
    let wordsKnown = 0;
    for (const [f, c] of counts) {
      const i = this.featureIndex.get(f);
      if (f.startsWith('w:')) {
        wordsSeen += c;
        if (i !== undefined) wordsKnown += c;
      }
      if (i === undefined) continue;
      idx.push(i);
      val.push((1 + Math.log(c)) * this.idf[i]);
    }
    const norm = Math.sqrt(val.reduce((s, v) => s + v * v, 0)) || 1;
    return {
      vec: { idx: Int32Array.from(idx), val: Float32Array.from(val.map((v) => v / norm)) },
      coverage: wordsSeen === 0 ? 0 : wordsKnown / wordsSeen,
    };
  }

  private logits(vec: SparseVec, out: Float64Array): void {
    const k = this.intents.length;
    for (let c = 0; c < k; c++) out[c] = this.bias[c];
    for (let j = 0; j < vec.idx.length; j++) {
      const base = vec.idx[j] * k;
      const v = vec.val[j];
      for (let c = 0; c < k; c++) out[c] += this.weights[base + c] * v;
    }
  }

  /** Classifies one text. */
  classify(text: string): Classification {
    const { vec, coverage } = this.vectorise(text);
    const k = this.intents.length;
    const z = new Float64Array(k);
    this.logits(vec, z);
    softmaxInPlace(z);
    const intentScores: Record<string, number> = {};
    const routeScores: Record<string, number> = Object.fromEntries(this.routes.map((r) => [r, 0]));
    let best = 0;
    for (let c = 0; c < k; c++) {
      intentScores[this.intents[c]] = z[c];
      routeScores[this.intentRoutes[this.intents[c]]] += z[c];
      if (z[c] > z[best]) best = c;
    }
    let route = this.routes[0];
    for (const r of this.routes) if (routeScores[r] > routeScores[route]) route = r;
    // The intent reported is the best intent within the winning route.
    let intent = this.intents[best];
    if (this.intentRoutes[intent] !== route) {
      intent = this.intents
        .filter((i) => this.intentRoutes[i] === route)
        .sort((a, b) => intentScores[b] - intentScores[a])[0];
    }
    return {
      intent,
      route,
      confidence: routeScores[route],
      intentConfidence: intentScores[intent],
      routeScores,
      intentScores,
      coverage,
    };
  }

  /** Trains a model on labelled examples (deterministic for a given seed). */
  static train(examples: Example[], opts: TrainOptions = {}): IntentClassifier {
    const { epochs = 30, learningRate = 0.5, l2 = 1e-5, seed = 7, minDf = 3, onEpoch } = opts;
    if (examples.length === 0) throw new Error('no training examples');
    const intents = [...new Set(examples.map((e) => e.intent))].sort();
    const intentRoutes: Record<string, string> = {};
    for (const e of examples) {
      const prev = intentRoutes[e.intent];
      if (prev && prev !== e.route) throw new Error(`intent ${e.intent} appears under routes ${prev} and ${e.route}`);
      intentRoutes[e.intent] = e.route;
    }
    const docCounts = examples.map((e) => featureCounts(e.text));
    const df = new Map<string, number>();
    for (const counts of docCounts) for (const f of counts.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const features = [...df.entries()]
      .filter(([, d]) => d >= minDf)
      .map(([f]) => f)
      .sort();
    const n = examples.length;
    const idf = Float32Array.from(features.map((f) => Math.log((1 + n) / (1 + (df.get(f) ?? 0))) + 1));
    const k = intents.length;
    const model = new IntentClassifier(
      intents,
      intentRoutes,
      features,
      idf,
      new Float32Array(k),
      new Float32Array(features.length * k),
    );
    const vecs = examples.map((e) => model.vectorise(e.text).vec);
    const labels = examples.map((e) => intents.indexOf(e.intent));
    // Class weights so that small intents are not drowned by big ones.
    const perClass = new Array(k).fill(0);
    for (const l of labels) perClass[l]++;
    const classWeight = perClass.map((c) => n / (k * Math.max(c, 1)));

    const rand = seededRandom(seed);
    const order = Array.from({ length: n }, (_, i) => i);
    const z = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const lr = learningRate / (1 + epoch * 0.15);
      for (const di of order) {
        const vec = vecs[di];
        model.logits(vec, z);
        softmaxInPlace(z);
        const y = labels[di];
        const cw = classWeight[y];
        for (let c = 0; c < k; c++) {
          const g = (z[c] - (c === y ? 1 : 0)) * cw;
          if (g === 0) continue;
          model.bias[c] -= lr * g;
          for (let j = 0; j < vec.idx.length; j++) {
            const w = vec.idx[j] * k + c;
            model.weights[w] -= lr * (g * vec.val[j] + l2 * model.weights[w]);
          }
        }
      }
      onEpoch?.(epoch + 1, model);
    }
    return model;
  }

  /** Serialises the model, quantising weights to int8 per intent. */
  toJSON(meta: { examples: number }): ModelFile {
    const k = this.intents.length;
    const f = this.features.length;
    const scales = new Array(k).fill(0);
    for (let i = 0; i < f; i++)
      for (let c = 0; c < k; c++) scales[c] = Math.max(scales[c], Math.abs(this.weights[i * k + c]));
    const q = new Int8Array(f * k);
    for (let i = 0; i < f; i++) {
      for (let c = 0; c < k; c++)
        q[i * k + c] = scales[c] ? Math.round((this.weights[i * k + c] / scales[c]) * 127) : 0;
    }
    return {
      format: 'crewdesk-router/2',
      trainedAt: new Date().toISOString(),
      examples: meta.examples,
      intents: this.intents,
      intentRoutes: this.intentRoutes,
      features: this.features,
      idf: Array.from(this.idf, (v) => Math.round(v * 1e4) / 1e4),
      bias: Array.from(this.bias, (v) => Math.round(v * 1e4) / 1e4),
      scales: scales.map((s) => s / 127),
      weights: Buffer.from(q.buffer).toString('base64'),
    };
  }

  /** Loads a serialised model. */
  static fromJSON(m: ModelFile): IntentClassifier {
    if (m.format !== 'crewdesk-router/2') throw new Error(`unknown router model format ${String(m.format)}`);
    const k = m.intents.length;
    const buf = Buffer.from(m.weights, 'base64');
    const raw = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    const weights = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) weights[i] = raw[i] * m.scales[i % k];
    return new IntentClassifier(
      m.intents,
      m.intentRoutes,
      m.features,
      Float32Array.from(m.idf),
      Float32Array.from(m.bias),
      weights,
    );
  }
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < z.length; i++) {
    z[i] = Math.exp(z[i] - max);
    sum += z[i];
  }
  for (let i = 0; i < z.length; i++) z[i] /= sum;
}
