import { NumberInput, type NumberInputProps } from '@mantine/core';

/**
 * An amount in euros as a French reader types it: a comma before the cents, two decimals at most, never below zero,
 * "€" after the figure. Its value stays what the user typed (a number or a string being typed); the page turns it
 * into cents when it sends it. Any NumberInput prop can override these (`suffix=""` when the label says "(€)").
 */
export function EuroInput(props: NumberInputProps) {
  return <NumberInput decimalSeparator="," decimalScale={2} min={0} suffix=" €" {...props} />;
}
