import { thaiMonthNames } from '@saraban/thai';
import {
  GraphQLEnumType,
  type GraphQLInputField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
} from 'graphql';
import { type Child, h } from './dom.js';
import { fieldLabel, text } from './text.js';

/** One part of a form: its element, and how to read what was entered at a path of the input. */
export interface Control {
  element: HTMLElement;
  /** What was entered, or undefined for nothing; marks the element with its input path (e.g. "input.body[2]"). */
  read(path: string): unknown;
  /** Fills the control in with a value of its input type (a stored document being edited); undefined clears it. */
  write(value: unknown): void;
}

/** A stored record offered in a form: picking it fills its section's fields with `value`. */
export interface StoredChoice {
  id: string;
  label: string;
  value: Record<string, unknown>;
}

/** Stored records to pick from, by the name of the input type whose sections they fill (e.g. OrganizationInput). */
export type StoredChoices = Record<string, readonly StoredChoice[]>;

/** An input type whose fields are alternatives: exactly one is given (BlockInput: a paragraph, or a table, or …). */
function isChoice(type: GraphQLInputObjectType): boolean {
  return (type as { isOneOf?: boolean }).isOneOf === true || type.name === 'BlockInput';
}

/**
 * A form for a GraphQL input type, made from the schema (the one data contract): a field per input field with its
 * description as help, enums as choices, nested inputs as sections (optional ones opened on demand), lists with add,
 * move and remove, and inputs whose fields are alternatives (body blocks) as a choice of kind. A section whose type
 * has stored choices (organizations, people) offers them: picking one fills the section's fields.
 *
 * @example
 * const form = inputForm(schema.getType('DocumentInput'), { kind: 'MEMO' }, await storedChoices(schema));
 * form.write(storedInput); // when editing
 * await graphql(CREATE, { input: form.read('input') });
 */
export function inputForm(
  type: GraphQLInputObjectType,
  fixed: Record<string, unknown> = {},
  choices: StoredChoices = {},
): Control {
  return objectControl(type, choices, fixed);
}

function objectControl(
  type: GraphQLInputObjectType,
  choices: StoredChoices,
  fixed: Record<string, unknown> = {},
): Control {
  if (isChoice(type)) return choiceControl(type, choices);
  const fields = Object.values(type.getFields()).filter((field) => !(field.name in fixed) && shown(field));
  const controls = fields.map((field) => [field, fieldControl(field, choices)] as const);
  const body = h('div', { class: 'fields' }, ...controls.map(([, control]) => control.element));
  const element = h('div', { class: 'object' }, storedPicker(choices[type.name] ?? [], fill), body);
  // A picked record fills the fields it has and leaves the others (a signer's acting) as they were.
  function fill(value: Record<string, unknown>) {
    for (const [field, control] of controls) if (field.name in value) control.write(value[field.name] ?? undefined);
  }
  return {
    element,
    read(path) {
      element.dataset.path = path;
      const value: Record<string, unknown> = { ...fixed };
      for (const [field, control] of controls) {
        const entered = control.read(`${path}.${field.name}`);
        if (entered !== undefined) value[field.name] = entered;
      }
      return value;
    },
    write(value) {
      const given = (value ?? {}) as Record<string, unknown>;
      for (const [field, control] of controls) control.write(given[field.name] ?? undefined);
    },
  };
}

/** Fields a person fills in; ids of stored records and the document's template are chosen elsewhere. */
function shown(field: GraphQLInputField): boolean {
  const inner = namedType(field.type);
  return (
    !/Id$/.test(field.name) &&
    field.name !== 'template' &&
    !(inner instanceof GraphQLScalarType && inner.name === 'File')
  );
}

function isText(type: GraphQLInputType): boolean {
  return type instanceof GraphQLScalarType && type.name === 'String';
}

function namedType(type: GraphQLInputType): GraphQLInputType {
  let inner = type;
  while (inner instanceof GraphQLNonNull || inner instanceof GraphQLList) inner = inner.ofType;
  return inner;
}

/** A choice of stored records (nothing when there are none) that fills a section with the one picked. */
function storedPicker(choices: readonly StoredChoice[], fill: (value: Record<string, unknown>) => void): Child {
  if (choices.length === 0) return null;
  const select = h(
    'select',
    {
      class: 'stored',
      'aria-label': text.pickStored,
      onchange: () => {
        const picked = choices.find((choice) => choice.id === select.value);
        if (picked) fill(picked.value);
      },
    },
    h('option', { value: '' }, text.pickStored),
    ...choices.map((choice) => h('option', { value: choice.id }, choice.label)),
  );
  return h('label', { class: 'stored-picker' }, select);
}

function fieldControl(field: GraphQLInputField, choices: StoredChoices): Control {
  const required = field.type instanceof GraphQLNonNull;
  const type = required ? (field.type as GraphQLNonNull<GraphQLInputType>).ofType : field.type;
  const label = fieldLabel(field.name);
  const help = field.description ? h('small', { class: 'help' }, field.description) : '';
  const wrapper = (control: HTMLElement, extra: HTMLElement | string = '') =>
    h(
      'div',
      { class: 'field', 'data-field': field.name },
      h('label', {}, h('span', { class: 'label' }, label, required ? ' *' : ''), control),
      extra,
      help,
    );
  if (type instanceof GraphQLInputObjectType) {
    // Its section opens on demand when optional: the toggle decides whether it is sent.
    const inner = objectControl(type, choices);
    let open = required;
    const toggle = h('input', {
      type: 'checkbox',
      'aria-label': `${text.add} ${label}`,
      onchange: () => {
        open = toggle.checked;
        inner.element.hidden = !open;
      },
    });
    inner.element.hidden = !open;
    const element = h(
      'fieldset',
      { class: 'section', 'data-field': field.name },
      h('legend', {}, required ? '' : toggle, ` ${label}${required ? ' *' : ''}`),
      help,
      inner.element,
    );
    return {
      element,
      read(path) {
        element.dataset.path = path;
        return open ? inner.read(path) : undefined;
      },
      write(value) {
        open = required || (value !== undefined && value !== null);
        toggle.checked = open;
        inner.element.hidden = !open;
        inner.write(value);
      },
    };
  }
  if (type instanceof GraphQLList) {
    const list = listControl(type.ofType as GraphQLInputType, label, choices);
    const element = h(
      'fieldset',
      { class: 'list', 'data-field': field.name },
      h('legend', {}, `${label}${required ? ' *' : ''}`),
      help,
      list.element,
    );
    return {
      element,
      read(path) {
        element.dataset.path = path;
        const value = list.read(path);
        return required || (Array.isArray(value) && value.length > 0) ? value : undefined;
      },
      write: (value) => list.write(value),
    };
  }
  const input = scalarInput(type, field);
  const element = wrapper(input.element);
  return {
    element,
    read(path) {
      element.dataset.path = path;
      // A required text left empty is sent empty, so the server's answer names the field.
      return input.read(path) ?? (required && isText(type) ? '' : undefined);
    },
    write: (value) => input.write(value),
  };
}

function listControl(itemType: GraphQLInputType, label: string, choices: StoredChoices): Control {
  const inner = itemType instanceof GraphQLNonNull ? (itemType.ofType as GraphQLInputType) : itemType;
  const items: Control[] = [];
  const container = h('ol', { class: 'items' });
  const render = () =>
    container.replaceChildren(
      ...items.map((item, index) =>
        h(
          'li',
          {},
          item.element,
          h(
            'div',
            { class: 'item-actions' },
            h(
              'button',
              { type: 'button', title: text.moveUp, disabled: index === 0, onclick: () => move(index, -1) },
              '↑',
            ),
            h(
              'button',
              {
                type: 'button',
                title: text.moveDown,
                disabled: index === items.length - 1,
                onclick: () => move(index, 1),
              },
              '↓',
            ),
            h('button', { type: 'button', class: 'remove', onclick: () => remove(index) }, text.remove),
          ),
        ),
      ),
    );
  const move = (index: number, by: number) => {
    const [item] = items.splice(index, 1);
    if (item) items.splice(index + by, 0, item);
    render();
  };
  const remove = (index: number) => {
    items.splice(index, 1);
    render();
  };
  const newItem = () =>
    inner instanceof GraphQLInputObjectType
      ? objectControl(inner, choices)
      : scalarInput(inner, { name: label, description: undefined } as GraphQLInputField);
  const add = () => {
    items.push(newItem());
    render();
  };
  const element = h(
    'div',
    { class: 'list-body' },
    container,
    h('button', { type: 'button', class: 'add', onclick: add }, `${text.add} ${label}`),
  );
  return {
    element,
    read: (path) => items.map((item, index) => item.read(`${path}[${index}]`)).filter((value) => value !== undefined),
    write(value) {
      items.splice(0, items.length);
      for (const each of Array.isArray(value) ? value : []) {
        const item = newItem();
        item.write(each);
        items.push(item);
      }
      render();
    },
  };
}

/** A block: a choice of its kind (paragraph, heading, table, …), then that kind's fields. */
function choiceControl(type: GraphQLInputObjectType, choices: StoredChoices): Control {
  const fields = Object.values(type.getFields());
  const holder = h('div', { class: 'choice-body' });
  let chosen: { field: GraphQLInputField; control: Control } | undefined;
  const select = h(
    'select',
    {
      'aria-label': text.blockKind,
      onchange: () => choose(select.value),
    },
    ...fields.map((field) => h('option', { value: field.name }, fieldLabel(field.name))),
  );
  const choose = (name: string) => {
    const field = fields.find((each) => each.name === name);
    if (!field) return;
    const inner = namedType(field.type);
    const control = inner instanceof GraphQLInputObjectType ? objectControl(inner, choices) : scalarInput(inner, field);
    chosen = { field, control };
    holder.replaceChildren(control.element);
  };
  choose(fields.find((field) => field.name === 'paragraph')?.name ?? fields[0]?.name ?? '');
  if (chosen) select.value = chosen.field.name;
  const element = h('div', { class: 'choice' }, select, holder);
  return {
    element,
    read(path) {
      element.dataset.path = path;
      if (!chosen) return undefined;
      const value = chosen.control.read(`${path}.${chosen.field.name}`);
      // A kind with nothing to fill in (a page break) is given as true.
      return { [chosen.field.name]: value === undefined ? true : value };
    },
    write(value) {
      const [name, inner] = Object.entries((value ?? {}) as Record<string, unknown>)[0] ?? [];
      if (!name) return;
      choose(name);
      select.value = name;
      chosen?.control.write(inner === true ? undefined : inner);
    },
  };
}

function scalarInput(type: GraphQLInputType, field: Pick<GraphQLInputField, 'name' | 'description'>): Control {
  if (type instanceof GraphQLEnumType) {
    const select = h(
      'select',
      { name: field.name },
      h('option', { value: '' }, '—'),
      ...type
        .getValues()
        .map((value) => h('option', { value: value.name, title: value.description ?? '' }, value.name)),
    );
    return {
      element: select,
      read: () => select.value || undefined,
      write: (value) => {
        select.value = typeof value === 'string' ? value : '';
      },
    };
  }
  const name = type instanceof GraphQLScalarType ? type.name : 'String';
  if (name === 'Boolean') {
    const box = h('input', { type: 'checkbox', name: field.name });
    return {
      element: box,
      read: () => (box.checked ? true : undefined),
      write: (value) => {
        box.checked = value === true;
      },
    };
  }
  if (name === 'Date') return thaiDateField(field.name);
  const long = field.name === 'text' || field.name === 'opinion';
  const input = long
    ? h('textarea', { name: field.name, rows: 3 })
    : h('input', { name: field.name, type: name === 'Int' || name === 'Float' ? 'number' : 'text' });
  return {
    element: input,
    read: () => {
      const value = input.value.trim();
      if (value === '') return undefined;
      return name === 'Int' || name === 'Float' ? Number(value) : value;
    },
    write: (value) => {
      input.value = value === undefined || value === null ? '' : String(value);
    },
  };
}

/**
 * A date typed as day, month and Buddhist-era year, as Thai offices write it; read as an ISO date.
 *
 * @example
 * const from = thaiDateField('from');
 * from.read('dateFrom') // '2025-03-05' for ๕ มีนาคม ๒๕๖๘
 */
export function thaiDateField(name: string, label?: string): Control {
  const day = h('input', {
    type: 'number',
    min: 1,
    max: 31,
    class: 'day',
    name: `${name}-day`,
    'aria-label': text.day,
  });
  const month = h(
    'select',
    { class: 'month', name: `${name}-month`, 'aria-label': text.month },
    h('option', { value: '' }, '—'),
    ...thaiMonthNames.full.map((label, index) => h('option', { value: String(index + 1) }, label)),
  );
  const year = h('input', {
    type: 'number',
    class: 'year',
    name: `${name}-year`,
    placeholder: String(new Date().getFullYear() + 543),
    'aria-label': text.buddhistYear,
  });
  return {
    element: h('span', { class: 'thai-date', 'data-field': name, 'aria-label': label }, day, month, year),
    read: () => {
      // A year still being typed ("25") is no date yet.
      if (!day.value || !month.value || !/^\d{4}$/.test(year.value)) return undefined;
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${Number(year.value) - 543}-${pad(Number(month.value))}-${pad(Number(day.value))}`;
    },
    write: (value) => {
      const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(typeof value === 'string' ? value : '') ?? [];
      day.value = d ? String(Number(d)) : '';
      month.value = m ? String(Number(m)) : '';
      year.value = y ? String(Number(y) + 543) : '';
    },
  };
}
