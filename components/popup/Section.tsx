/**
 * A section of the results that opens on demand: a heading whose button says whether it is open
 * (`aria-expanded`, the WAI-ARIA disclosure pattern), so that it is reached by heading and by Tab, and read
 * with its state. Its content is rendered only while it is open (and `ready`: after the first paint). Which
 * sections are open comes from `SectionsContext` (the Popup keeps it, and stores it: ./sections.ts).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { SectionId, SectionsOpen } from './sections';

export const SectionsContext = createContext<{ open: SectionsOpen; toggle: (id: SectionId, open: boolean) => void }>({
  open: {},
  toggle: () => undefined,
});

export function Section(props: {
  id: SectionId;
  title: string;
  /** false before the first paint: the content waits, the heading is there at once */
  ready?: boolean;
  class?: string;
  children: ComponentChildren;
}) {
  const { open: sections, toggle } = useContext(SectionsContext);
  const { id } = props;
  const open = sections[id] === true;
  const headingId = `sec-${id}`;
  const bodyId = `sec-${id}-body`;
  return (
    <section aria-labelledby={headingId} class={`disclosure${props.class ? ` ${props.class}` : ''}`} data-section={id}>
      <h3 class="section-title">
        <button type="button" id={headingId} class="disclosure-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => toggle(id, !open)}>
          {props.title}
        </button>
      </h3>
      <div id={bodyId} class="disclosure-body" hidden={!open}>
        {open && props.ready !== false ? props.children : null}
      </div>
    </section>
  );
}
