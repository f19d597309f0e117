// A "new customer" form checked by the Zod schema that Wesley generates from the shop schema.
// This file exports only a component, so React Fast Refresh (@vitejs/plugin-react) makes it the
// boundary of a schema edit: save ../shop/schema.graphql while Vite runs and this file runs again
// with the new schema, React re-renders the form with its state kept, and no code here asks for it.
import { useState, type FormEvent } from 'react';
import { CustomerInsertSchema, OrderStatus } from '../shop/schema.graphql';

const fields = ['email', 'name'] as const;
type Field = (typeof fields)[number];

export function CustomerForm() {
  const [values, setValues] = useState<Record<Field, string>>({ email: '', name: '' });
  /** Fields the user has typed in: errors show for these only, and for all fields after a submit. */
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const parsed = CustomerInsertSchema.safeParse(values);
  const errors = new Map<PropertyKey, string>();
  for (const issue of parsed.error?.issues ?? []) {
    if (!errors.has(issue.path[0]!)) errors.set(issue.path[0]!, issue.message);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    setTouched(new Set(fields));
  }

  return (
    <>
      <h1>New customer</h1>
      <form id="customer" noValidate onSubmit={submit}>
        {fields.map((field) => (
          <div key={field}>
            <label htmlFor={field}>{field === 'email' ? 'Email' : 'Name'}</label>
            <input
              id={field}
              name={field}
              type={field === 'email' ? 'email' : 'text'}
              autoComplete="off"
              value={values[field]}
              onChange={(event) => {
                setValues({ ...values, [field]: event.target.value });
                setTouched(new Set(touched).add(field));
              }}
            />
            <output htmlFor={field}>{touched.has(field) ? (errors.get(field) ?? '') : ''}</output>
          </div>
        ))}
        <button>Create</button>
      </form>
      <p id="result" role="status">
        {parsed.success ? `Ready to insert: ${JSON.stringify(parsed.data)}` : ''}
      </p>
      <h2>Order statuses</h2>
      <ul id="statuses">
        {Object.values(OrderStatus).map((status) => (
          <li key={status}>{status}</li>
        ))}
      </ul>
    </>
  );
}
