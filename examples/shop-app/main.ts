// A "new customer" form checked by the Zod schema that Wesley generates from the shop schema.
// Save ../shop/schema.graphql while Vite runs and the form checks by the new rules at once:
// no page reload, and what the user typed stays.
import { CustomerInsertSchema, OrderStatus } from '../shop/schema.graphql';

let customerInsert = CustomerInsertSchema;

const form = document.querySelector<HTMLFormElement>('#customer')!;
const result = document.querySelector<HTMLParagraphElement>('#result')!;
const statuses = document.querySelector<HTMLUListElement>('#statuses')!;
/** Fields the user has typed in: errors show for these only, and for all fields after a submit. */
const touched = new Set<string>();

form.addEventListener('input', (event) => {
  touched.add((event.target as HTMLInputElement).name);
  validate();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  for (const input of form.querySelectorAll('input')) touched.add(input.name);
  validate();
});
listStatuses(Object.values(OrderStatus));

function validate(): void {
  const parsed = customerInsert.safeParse(Object.fromEntries(new FormData(form)));
  const errors = new Map<PropertyKey, string>();
  for (const issue of parsed.error?.issues ?? []) {
    if (!errors.has(issue.path[0]!)) errors.set(issue.path[0]!, issue.message);
  }
  for (const output of form.querySelectorAll('output')) {
    const field = output.htmlFor.value;
    output.textContent = touched.has(field) ? (errors.get(field) ?? '') : '';
  }
  result.textContent = parsed.success ? `Ready to insert: ${JSON.stringify(parsed.data)}` : '';
}

function listStatuses(values: readonly string[]): void {
  statuses.replaceChildren(...values.map((value) => Object.assign(document.createElement('li'), { textContent: value })));
}

// Take the regenerated schema module in place instead of reloading the page: swap the validator,
// redraw the statuses, check the form again.
if (import.meta.hot) {
  import.meta.hot.accept('../shop/schema.graphql', (schema) => {
    if (!schema) return; // the new module failed to load: Vite's error overlay says why
    customerInsert = schema.CustomerInsertSchema;
    listStatuses(Object.values(schema.OrderStatus));
    validate();
  });
}
