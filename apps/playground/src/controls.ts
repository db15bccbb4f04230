import { defaultRegistry } from '@mg/activations';
import { labelColour } from './colour-scale';
import { optimizers, outputChoices, type PlaygroundState, planeDatasets } from './state';

/** What the controls ask the controller to do besides changing state. */
export interface ControlActions {
  change(changes: Partial<PlaygroundState>): void;
  playPause(): void;
  step(): void;
  reset(): void;
  selectNext(offset: 1 | -1): void;
  removeSelected(): void;
}

/**
 * The labelled form on the left: every control writes through `actions.change`, and `update`
 * sets every control from the state (after a reload or a URL change). Nothing here trains or draws.
 */
export class Controls {
  readonly element: HTMLFormElement;
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly checkboxes = new Map<string, HTMLInputElement>();
  private readonly activationList: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly problems: HTMLElement;
  private readonly colours: (name: string) => string;

  constructor(
    private readonly actions: ControlActions,
    colours: (name: string) => string,
  ) {
    this.colours = colours;
    const form = document.createElement('form');
    form.className = 'controls';
    form.addEventListener('submit', (event) => event.preventDefault());
    this.element = form;

    const training = this.fieldset('Training');
    this.playButton = this.button(training, 'Play', 'play', () => actions.playPause());
    this.button(training, 'Step one epoch', 'step', () => actions.step());
    this.button(training, 'Reset', 'reset', () => actions.reset());
    this.range(training, 'speed', 'Speed (epochs per frame)', 1, 50, 1, (v) => ({ speed: v }));

    const data = this.fieldset('Data');
    this.select(data, 'dataset', 'Dataset', planeDatasets, (v) => ({ dataset: v as never }));
    this.range(data, 'noise', 'Noise (sd)', 0, 1, 0.01, (v) => ({ noise: v }));
    this.number(data, 'points', 'Points', 4, 2000, 1, (v) => ({ points: v }));
    this.range(data, 'testPercent', 'Test points (%)', 0, 90, 5, (v) => ({ testPercent: v }));
    this.number(data, 'dataSeed', 'Data seed', 0, 2 ** 32 - 1, 1, (v) => ({ dataSeed: v }));
    const classes = document.createElement('div');
    classes.className = 'class-choice';
    classes.setAttribute('role', 'radiogroup');
    classes.setAttribute('aria-label', 'A click on the plane adds a point of class');
    classes.append('Click adds class ');
    for (const label of [-1, 1] as const) {
      const id = `add-${label}`;
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'addLabel';
      input.id = id;
      input.value = String(label);
      input.addEventListener('change', () => actions.change({ addLabel: label }));
      const text = document.createElement('label');
      text.htmlFor = id;
      text.innerHTML = `<span class="dot" style="background:${labelColour(label)}"></span>${label > 0 ? '+1' : '−1'}`;
      classes.append(input, text);
      this.inputs.set(id, input);
    }
    data.append(classes);
    const pointRow = document.createElement('div');
    pointRow.className = 'row';
    this.button(pointRow, '◀ Point', 'previous-point', () => actions.selectNext(-1));
    this.button(pointRow, 'Point ▶', 'next-point', () => actions.selectNext(1));
    this.button(pointRow, 'Remove point', 'remove-point', () => actions.removeSelected());
    data.append(pointRow);
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent =
      'On a plane: click to add a point, click a point to select it, shift-click (or Delete) removes it.';
    data.append(hint);

    const network = this.fieldset('Network');
    const layers = this.text(network, 'layers', 'Hidden layers (sizes, e.g. 8,8)', (text) => {
      const sizes = text.trim() === '' ? [] : text.split(',').map((s) => Number(s.trim()));
      const ok = sizes.length <= 6 && sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 32);
      return ok ? { layers: sizes } : null;
    });
    layers.setAttribute('pattern', '\\s*(\\d+\\s*(,\\s*\\d+\\s*)*)?');
    const group = document.createElement('fieldset');
    group.className = 'activations';
    const legend = document.createElement('legend');
    legend.textContent = 'Activations to compare';
    group.append(legend);
    this.activationList = document.createElement('div');
    group.append(this.activationList);
    const custom = this.text(
      group,
      'custom-activation',
      'Add one (Enter): leakyRelu(0.2), or per layer: tanh/relu',
      () => null,
    );
    custom.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key !== 'Enter') return;
      this.addCustom(custom.value.trim());
    });
    network.append(group);
    this.select(network, 'output', 'Output layer', outputChoices, (v) => ({ output: v as never }));
    this.number(network, 'learningRate', 'Learning rate', 0.000001, 10, 'any', (v) => ({
      learningRate: v,
    }));
    this.select(network, 'optimizer', 'Optimizer', optimizers, (v) => ({ optimizer: v as never }));
    this.number(network, 'seed', 'Seed (initial parameters)', 0, 2 ** 32 - 1, 1, (v) => ({
      seed: v,
    }));

    this.problems = document.createElement('p');
    this.problems.className = 'problems';
    this.problems.setAttribute('role', 'alert');
    form.append(this.problems);
    this.state = null;
  }

  private state: PlaygroundState | null;

  /** Sets every control from the state. */
  update(state: PlaygroundState, playing: boolean): void {
    this.state = state;
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
    const set = (id: string, value: string) => {
      const input = this.inputs.get(id)!;
      if (document.activeElement !== input) input.value = value;
      const output = input.parentElement?.querySelector('output');
      if (output) output.textContent = value;
    };
    set('speed', String(state.speed));
    set('dataset', state.dataset);
    set('noise', String(state.noise));
    set('points', String(state.points));
    set('testPercent', String(state.testPercent));
    set('dataSeed', String(state.dataSeed));
    set('layers', state.layers.join(','));
    set('output', state.output);
    set('learningRate', String(state.learningRate));
    set('optimizer', state.optimizer);
    set('seed', String(state.seed));
    (this.inputs.get(`add-${state.addLabel}`) as HTMLInputElement).checked = true;
    const names = [...defaultRegistry().names(), ...state.activations];
    const all = [...new Set(names)];
    if (all.join('|') !== [...this.checkboxes.keys()].join('|')) this.buildActivations(all);
    for (const [name, box] of this.checkboxes) box.checked = state.activations.includes(name);
  }

  /** Shows a problem (a rejected input, an ignored URL value), or clears it with ''. */
  showProblem(text: string): void {
    this.problems.textContent = text;
  }

  private buildActivations(names: string[]): void {
    this.activationList.replaceChildren();
    this.checkboxes.clear();
    for (const name of names) {
      const id = `activation-${name}`;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.addEventListener('change', () => {
        const current = this.state!.activations;
        const next = box.checked ? [...current, name] : current.filter((n) => n !== name);
        if (next.length === 0) {
          box.checked = true;
          this.showProblem('Keep at least one activation.');
          return;
        }
        this.actions.change({ activations: names.filter((n) => next.includes(n)) });
      });
      const label = document.createElement('label');
      label.htmlFor = id;
      label.innerHTML = `<span class="swatch" style="background:${this.colours(name)}"></span>`;
      label.append(name);
      const item = document.createElement('span');
      item.className = 'activation-item';
      item.append(box, label);
      this.activationList.append(item);
      this.checkboxes.set(name, box);
    }
  }

  private addCustom(text: string): void {
    const registry = defaultRegistry();
    const parts = text.split('/').map((part) => part.trim());
    const name = parts.join('/');
    const layers = this.state!.layers.length;
    if (parts.length > 1 && parts.length !== layers) {
      this.showProblem(
        `One activation per hidden layer: ${layers} joined by '/', but '${name}' has ${parts.length}.`,
      );
      return;
    }
    try {
      for (const part of parts) registry.get(part);
    } catch (error) {
      this.showProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    this.showProblem('');
    if (!this.state!.activations.includes(name)) {
      this.actions.change({ activations: [...this.state!.activations, name] });
    }
  }

  private fieldset(title: string): HTMLFieldSetElement {
    const set = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = title;
    set.append(legend);
    this.element.append(set);
    return set;
  }

  private button(
    parent: HTMLElement,
    text: string,
    id: string,
    action: () => void,
  ): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.textContent = text;
    b.addEventListener('click', action);
    parent.append(b);
    return b;
  }

  private labelled(
    parent: HTMLElement,
    id: string,
    text: string,
    input: HTMLInputElement | HTMLSelectElement,
  ): void {
    input.id = id;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = text;
    const row = document.createElement('div');
    row.className = 'field';
    row.append(label, input);
    parent.append(row);
    this.inputs.set(id, input);
  }

  private range(
    parent: HTMLElement,
    id: string,
    text: string,
    min: number,
    max: number,
    step: number,
    make: (value: number) => Partial<PlaygroundState>,
  ): void {
    const input = document.createElement('input');
    input.type = 'range';
    Object.assign(input, { min: String(min), max: String(max), step: String(step) });
    input.addEventListener('input', () => this.actions.change(make(Number(input.value))));
    this.labelled(parent, id, text, input);
    input.parentElement!.append(document.createElement('output'));
  }

  private number(
    parent: HTMLElement,
    id: string,
    text: string,
    min: number,
    max: number,
    step: number | 'any',
    make: (value: number) => Partial<PlaygroundState>,
  ): void {
    const input = document.createElement('input');
    input.type = 'number';
    Object.assign(input, { min: String(min), max: String(max), step: String(step) });
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (input.value === '' || !input.checkValidity() || !Number.isFinite(value)) {
        this.showProblem(`${text}: from ${min} to ${max}${step === 1 ? ', whole numbers' : ''}.`);
        return;
      }
      this.showProblem('');
      this.actions.change(make(value));
    });
    this.labelled(parent, id, text, input);
  }

  private text(
    parent: HTMLElement,
    id: string,
    text: string,
    make: (value: string) => Partial<PlaygroundState> | null,
  ): HTMLInputElement {
    const input = document.createElement('input');
    input.type = 'text';
    input.spellcheck = false;
    input.addEventListener('change', () => {
      const changes = make(input.value);
      if (changes === null) {
        if (id === 'layers')
          this.showProblem(`${text}: up to 6 sizes from 1 to 32, comma separated.`);
        return;
      }
      this.showProblem('');
      this.actions.change(changes);
    });
    this.labelled(parent, id, text, input);
    return input;
  }

  private select(
    parent: HTMLElement,
    id: string,
    text: string,
    values: readonly string[],
    make: (value: string) => Partial<PlaygroundState>,
  ): void {
    const select = document.createElement('select');
    for (const value of values) select.append(new Option(value, value));
    select.addEventListener('change', () => this.actions.change(make(select.value)));
    this.labelled(parent, id, text, select);
  }
}
