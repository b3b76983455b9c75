/**
 * Dates and times as read in China (Asia/Shanghai). The formatters are built once: constructing an
 * Intl.DateTimeFormat (which `toLocaleString(…, { timeZone })` does on every call) costs ~0.3 ms.
 */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

const asDate = (d: Date | string | number) => (d instanceof Date ? d : new Date(d));

/** YYYY-MM-DD of the moment in China. */
export const chinaDay = (d: Date | string | number = new Date()): string => dayFormat.format(asDate(d));

/** The calendar year of the moment in China. */
export const chinaYear = (d: Date | string | number = new Date()): number => Number(chinaDay(d).slice(0, 4));

/** YYYY-MM-DD HH:mm:ss of the moment in China. */
export const chinaDateTime = (d: Date | string | number): string => timeFormat.format(asDate(d));
