import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { billingApi } from '../../shared/billing';
import { formatCents } from '../../shared/format';
import { call, urlOf } from '../api';
import { useOrgId } from '../shell/session';
import { currentMonth } from '../timesheets/months';

/** A private client's tax certificates (services à la personne) of the last two years, in its portal. */
export function MyTaxCertificates() {
  const orgId = useOrgId();
  const thisYear = Number(currentMonth().slice(0, 4));
  const years = [thisYear, thisYear - 1];
  const certs = useQuery({
    queryKey: ['certs', orgId, 'mine', thisYear],
    queryFn: async () => {
      const lists = await Promise.all(
        years.map((year) => call(billingApi.taxCertificates, { params: { orgId }, query: { year } })),
      );
      return lists.flatMap((l) => l.items);
    },
  });
  if (!certs.data?.length) return null;
  return (
    <Card withBorder mb="md">
      <Title order={2} size="h4" mb="xs">
        Mes attestations fiscales
      </Title>
      <Text size="sm" mb="xs">
        À joindre à votre déclaration de revenus (crédit d’impôt services à la personne).
      </Text>
      <Stack gap={4}>
        {certs.data.map((c) => (
          <Anchor
            key={c.year}
            href={urlOf(billingApi.taxCertificatePdf, { params: { orgId, year: c.year, clientId: c.clientId } })}
            download
          >
            Télécharger l’attestation fiscale {c.year} ({formatCents(c.paidCents)} payés)
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}
