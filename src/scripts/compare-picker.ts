/**
 * The compare picker: a choice of two versions or two dates leads to its comparison, or the
 * picker says why there is none (the same version, no version in effect, not a date). On the
 * page the forms submit to without JavaScript, `?from=&to=` or `?on=&and=` is answered in place.
 */
import { chooseDates, chooseVersions, describeChoice, type CompareChoice } from '#publish/compare-choice.ts';
import type { LegalPeriod } from '#publish/legal-periods.ts';

interface PickerData {
  name: string;
  order: string[];
  periods: LegalPeriod[];
  /** The comparison URL with `{from}` and `{to}` for the versions. */
  template: string;
}

function field(form: HTMLFormElement, name: string): string {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.value : '';
}

function initPicker(root: HTMLElement): void {
  const data = JSON.parse(root.dataset.comparePicker ?? '{}') as PickerData;
  const answer = root.querySelector('.picker-answer');
  const urlOf = (choice: CompareChoice & { kind: 'pair' }) => data.template.replace('{from}', choice.from).replace('{to}', choice.to);
  const show = (choice: CompareChoice, go: boolean) => {
    if (choice.kind === 'pair' && go) {
      window.location.assign(urlOf(choice));
      return;
    }
    if (!answer) return;
    answer.replaceChildren();
    if (choice.kind === 'pair') {
      const link = document.createElement('a');
      link.href = urlOf(choice);
      link.textContent = describeChoice(choice, data.name).replace(/\.$/, '');
      answer.append('Your comparison: ', link, '.');
      for (const item of document.querySelectorAll(`a[href="${CSS.escape(link.getAttribute('href') ?? '')}"]`)) item.setAttribute('aria-current', 'true');
    } else {
      answer.append(describeChoice(choice, data.name));
    }
  };
  for (const form of root.querySelectorAll('form')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      show(
        form.dataset.pick === 'dates' ? chooseDates(data.periods, field(form, 'on'), field(form, 'and')) : chooseVersions(data.order, field(form, 'from'), field(form, 'to')),
        true,
      );
    });
  }
  const query = new URLSearchParams(window.location.search);
  if (query.has('from') || query.has('to')) show(chooseVersions(data.order, query.get('from') ?? '', query.get('to') ?? ''), false);
  else if (query.has('on') || query.has('and')) show(chooseDates(data.periods, query.get('on') ?? '', query.get('and') ?? ''), false);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-compare-picker]')) initPicker(root);
