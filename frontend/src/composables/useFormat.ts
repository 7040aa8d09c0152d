/** Money and times in the reader's own locale. */

const moneyFormats = new Map<string, Intl.NumberFormat>()

export function formatMoney(cents: number | null | undefined, currency: string | null | undefined = 'EUR'): string {
  if (cents === null || cents === undefined) {
    return '–'
  }
  const code = currency ?? 'EUR'
  let format = moneyFormats.get(code)
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: code })
    moneyFormats.set(code, format)
  }
  return format.format(cents / 100)
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })

export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dateTime.format(new Date(instant)) : '–'
}

export function formatTime(instant: string | null | undefined): string {
  return instant ? time.format(new Date(instant)) : '–'
}

/** The first part of an order id, which people can read out and recognise. */
export function shortId(id: string | null | undefined): string {
  return (id ?? '').slice(0, 8)
}

/** A failure type's slug in words, as the services title their problems: "out-of-stock" is "Out of stock". */
export function failureTitle(slug: string): string {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
