/**
 * The "in effect on a date" page: reads the periods the page ships as JSON, answers for the
 * date in the field or in `?on=`, and keeps `?on=` in the address so the answer can be linked.
 */
import { formatDate } from '#model/format-date.ts';
import { isIsoDate, periodOn, type LegalPeriod } from '#publish/legal-periods.ts';

const data = document.getElementById('in-effect-periods');
const form = document.getElementById('in-effect-form');
const answer = document.getElementById('in-effect-answer');
const field = document.getElementById('on');

if (data && form instanceof HTMLFormElement && answer && field instanceof HTMLInputElement) {
  const { document: name, asOf, periods } = JSON.parse(data.textContent ?? '{}') as { document: string; asOf: string; periods: LegalPeriod[] };

  const show = (date: string) => {
    answer.replaceChildren();
    for (const row of document.querySelectorAll('#periods-table tbody tr')) row.removeAttribute('aria-current');
    if (!isIsoDate(date)) {
      if (date) answer.append(`“${date}” is not a date: write it as YYYY-MM-DD.`);
      return;
    }
    const period = periodOn(periods, date);
    const p = document.createElement('p');
    if (period) {
      const link = document.createElement('a');
      link.href = period.url;
      link.textContent = `${name} v${period.version}`;
      const until = period.to ? ` to ${formatDate(period.to)}` : ' until replaced';
      // Statuses are as of the build: a later date can only be answered as designated so far.
      const verb = date <= asOf ? 'was' : 'is designated to be';
      p.append(`On ${formatDate(date)}, `, link, ` ${verb} in legal effect (from ${formatDate(period.from)}${until}).`);
      document.querySelector(`#periods-table tbody tr[data-version="${CSS.escape(period.version)}"]`)?.setAttribute('aria-current', 'true');
    } else {
      const first = periods[0];
      p.append(
        `No version of ${name} on this site was in legal effect on ${formatDate(date)}`,
        first ? `; the earliest, v${first.version}, took effect on ${formatDate(first.from)}.` : '.',
      );
    }
    answer.append(p);
  };

  form.hidden = false;
  const initial = new URLSearchParams(window.location.search).get('on') ?? '';
  field.value = isIsoDate(initial) ? initial : '';
  show(initial);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set('on', field.value);
    window.history.replaceState(null, '', url);
    show(field.value);
  });
}
