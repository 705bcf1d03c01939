import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  Container,
  Grid,
  Group,
  Pagination,
  PasswordInput,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, qs } from '../api';
import { Empty, ErrorAlert, Loading, PageHeader, useUrlFilters } from '../shell/ui';
import {
  addressText,
  FILTER_KEYS,
  formatKm,
  KIND_COLORS,
  KIND_LABELS,
  KIND_SHORT,
  retryServerErrors,
  type StructureDetail,
  type StructurePoint,
  type StructureSummary,
} from './api';
import { DirectoryFilters, type Filters } from './Filters';
import { pointsQuery } from './prefetch';

/**
 * Leaflet is in its own chunk, and deliberately has no Suspense boundary of its own: the page's first render waits
 * for it (the server-rendered list stays on screen meanwhile, and /carte preloads it), whereas a fallback would make
 * React hold the revealed map back for its fallback throttle (300 ms).
 */
const MapView = lazy(() => import('./MapView'));

/** Long button labels wrap on a 360 px screen instead of being cut. */
const WRAP = { root: { height: 'auto', minHeight: 36 }, label: { whiteSpace: 'normal' as const, paddingBlock: 6 } };

const filterQuery = (values: Filters) => qs(Object.fromEntries(FILTER_KEYS.map((k) => [k, values[k]])));

function KindBadge({ kind }: { kind: StructureSummary['kind'] }) {
  return (
    <Badge color={KIND_COLORS[kind]} variant="filled" title={KIND_LABELS[kind]} style={{ flexShrink: 0 }}>
      {KIND_SHORT[kind]}
    </Badge>
  );
}

/** The card a marker opens: contact details and the two actions. */
export function StructureCard({ id, onClose }: { id: string; onClose?: () => void }) {
  const q = useQuery({
    queryKey: ['public-structure', id],
    queryFn: () => api<StructureDetail>(`/api/public/structures/${id}`),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const contact = s.email
    ? `mailto:${s.email}`
    : s.phone
      ? `tel:${s.phone.replace(/\s/g, '')}`
      : `/structures/${s.slug}`;
  return (
    <Card withBorder shadow="sm" padding="md" aria-labelledby={`card-${s.id}`} data-testid="structure-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={2} size="h4" id={`card-${s.id}`}>
          {s.name}
        </Title>
        {onClose && <CloseButton aria-label="Fermer la fiche" onClick={onClose} />}
      </Group>
      <Text size="sm" c="dimmed">
        {KIND_LABELS[s.kind]}
      </Text>
      <Stack gap={4} mt="sm">
        <Text size="sm">{addressText(s.address)}</Text>
        {s.phone && (
          <Text size="sm">
            Téléphone : <Anchor href={`tel:${s.phone.replace(/\s/g, '')}`}>{s.phone}</Anchor>
          </Text>
        )}
        {s.email && (
          <Text size="sm">
            E-mail : <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>
          </Text>
        )}
        {s.website && (
          <Text size="sm">
            Site : <Anchor href={s.website}>{s.website.replace(/^https?:\/\//, '')}</Anchor>
          </Text>
        )}
        {s.openingHours && <Text size="sm">Accueil : {s.openingHours}</Text>}
        {s.jobLabels.length > 0 && (
          <Text size="sm">
            Métiers :{' '}
            {s.jobLabels
              .slice(0, 4)
              .map((j) => j.label)
              .join(' ; ')}
            {s.jobLabels.length > 4 ? '…' : ''}
          </Text>
        )}
      </Stack>
      <Group mt="md" gap="sm">
        <Button component="a" href={contact} variant="light">
          Contacter
        </Button>
        <Button component={Link} to={`/besoin?structure=${s.id}`} styles={WRAP}>
          Déposer un besoin auprès de cette structure
        </Button>
      </Group>
      <Anchor component={Link} to={`/structures/${s.slug}`} size="sm" mt="sm" display="inline-block">
        Voir la fiche complète
      </Anchor>
    </Card>
  );
}

function useFilterErrors(error: unknown) {
  return error instanceof ApiError ? error.fieldErrors : {};
}

const PAGE_SIZE = 20;

/** /carte: the map, its filters and its list equivalent (keyboard, screen readers). */
export function MapPage() {
  const [values, set] = useUrlFilters(FILTER_KEYS);
  const [selected, setSelected] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [osm, setOsm] = useState(() => typeof navigator !== 'undefined' && !navigator.webdriver && navigator.onLine);
  const query = filterQuery(values);
  const points = useQuery({ ...pointsQuery(values), placeholderData: (prev) => prev });
  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters start again at the first page
  useEffect(() => setPage(1), [query]);
  const items = points.data?.items ?? [];
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const emptyPoints = useMemo<StructurePoint[]>(() => [], []);
  const total = points.data?.total ?? 0;

  return (
    <Container size="xl" py="md">
      <PageHeader
        title="Carte des structures d’insertion"
        subtitle="Associations intermédiaires et autres structures de l’insertion par l’activité économique. Cliquez un point pour voir la fiche."
        actions={
          <Button component={Link} to={`/annuaire${query}`} variant="default">
            Voir l’annuaire
          </Button>
        }
      />
      <DirectoryFilters values={values} set={(p) => set(p)} errors={useFilterErrors(points.error)} />
      {points.error && !(points.error instanceof ApiError && points.error.status === 400) && (
        <ErrorAlert error={points.error} />
      )}
      <Text mt="sm" role="status" aria-live="polite" data-testid="result-count">
        {points.isPending ? 'Chargement…' : `${total} structure${total > 1 ? 's' : ''}`}
      </Text>
      <Grid mt="sm" gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Box h={{ base: 380, md: 620 }}>
            <MapView
              points={points.data ? items : emptyPoints}
              selectedId={selected}
              onSelect={setSelected}
              osmTiles={osm}
            />
          </Box>
          <Switch
            mt="xs"
            size="sm"
            checked={osm}
            onChange={(e) => setOsm(e.currentTarget.checked)}
            label="Fond de carte détaillé (OpenStreetMap, nécessite Internet)"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {selected && (
            <Box mb="md">
              <StructureCard id={selected} onClose={() => setSelected(null)} />
            </Box>
          )}
          <Title order={2} size="h4" mb="xs" id="map-list-title">
            Liste des structures
          </Title>
          {total === 0 && !points.isPending ? (
            <Empty>Aucune structure ne correspond à ces filtres.</Empty>
          ) : (
            <Box component="ol" aria-labelledby="map-list-title" p={0} m={0} style={{ listStyle: 'none' }}>
              {shown.map((p) => (
                <li key={p.id}>
                  <UnstyledButton
                    onClick={() => setSelected(p.id)}
                    aria-pressed={selected === p.id}
                    data-testid="map-list-item"
                    p="xs"
                    w="100%"
                    style={{
                      borderBottom: '1px solid var(--mantine-color-gray-3)',
                      background: selected === p.id ? 'var(--mantine-color-blue-0)' : undefined,
                    }}
                  >
                    <Group gap="xs" wrap="nowrap">
                      <KindBadge kind={p.kind} />
                      <div>
                        <Text size="sm" fw={600}>
                          {p.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {p.communeName}
                          {p.distanceKm !== null ? ` · ${formatKm(p.distanceKm)}` : ''}
                        </Text>
                      </div>
                    </Group>
                  </UnstyledButton>
                </li>
              ))}
            </Box>
          )}
          {items.length > PAGE_SIZE && (
            <Pagination
              mt="sm"
              size="sm"
              total={Math.ceil(items.length / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({
                'aria-label': control === 'next' ? 'Page suivante' : 'Page précédente',
              })}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            />
          )}
        </Grid.Col>
      </Grid>
    </Container>
  );
}

/** /annuaire: the list with the same filters and a text search, paginated by the server. */
export function DirectoryPage() {
  const [values, set] = useUrlFilters([...FILTER_KEYS, 'page'] as const);
  const page = Math.max(1, Number(values.page) || 1);
  const query = qs({
    ...Object.fromEntries(FILTER_KEYS.map((k) => [k, values[k]])),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const list = useQuery({
    queryKey: ['public-structures', query],
    queryFn: () => api<{ items: StructureSummary[]; total: number }>(`/api/public/structures${query}`),
    placeholderData: (prev) => prev,
    retry: retryServerErrors,
  });
  const total = list.data?.total ?? 0;
  const mapQuery = filterQuery(values);
  return (
    <Container size="lg" py="md">
      <PageHeader
        title="Annuaire des structures d’insertion"
        subtitle="Trouvez une structure par commune, département, métier ou type."
        actions={
          <Button component={Link} to={`/carte${mapQuery}`} variant="default">
            Voir sur la carte
          </Button>
        }
      />
      <DirectoryFilters
        values={values}
        set={(p) => set({ ...p, page: '' })}
        errors={useFilterErrors(list.error)}
        withText
      />
      {list.error && !(list.error instanceof ApiError && list.error.status === 400) && (
        <ErrorAlert error={list.error} />
      )}
      <Text mt="sm" role="status" aria-live="polite" data-testid="result-count">
        {list.isPending ? 'Chargement…' : `${total} structure${total > 1 ? 's' : ''}`}
      </Text>
      {total === 0 && !list.isPending ? (
        <Empty>Aucune structure ne correspond à ces filtres.</Empty>
      ) : (
        <Stack component="ul" gap="sm" mt="sm" p={0} style={{ listStyle: 'none' }}>
          {(list.data?.items ?? []).map((s) => (
            <Card component="li" withBorder key={s.id} padding="sm" data-testid="directory-item">
              <Group justify="space-between" wrap="wrap" align="flex-start">
                <div>
                  <Group gap="xs">
                    <KindBadge kind={s.kind} />
                    <Anchor component={Link} to={`/structures/${s.slug}`} fw={600}>
                      {s.name}
                    </Anchor>
                  </Group>
                  <Text size="sm" c="dimmed" mt={4}>
                    {addressText(s.address)}
                    {s.distanceKm !== null ? ` · à ${formatKm(s.distanceKm)}` : ''}
                  </Text>
                </div>
                <Group gap="sm">
                  {s.phone && (
                    <Anchor size="sm" href={`tel:${s.phone.replace(/\s/g, '')}`}>
                      {s.phone}
                    </Anchor>
                  )}
                  <Button size="xs" component={Link} to={`/besoin?structure=${s.id}`} variant="light">
                    Déposer un besoin
                  </Button>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {total > PAGE_SIZE && (
        <Pagination
          mt="md"
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(p) => set({ page: p === 1 ? '' : String(p) })}
          getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Page suivante' : 'Page précédente' })}
          getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
        />
      )}
    </Container>
  );
}

/** /structures/:slug: one structure's page. */
export function StructurePage() {
  const { slug } = useParams();
  const q = useQuery({
    queryKey: ['public-structure', slug],
    queryFn: () => api<StructureDetail>(`/api/public/structures/${encodeURIComponent(slug ?? '')}`),
  });
  useEffect(() => {
    if (q.data) document.title = `${q.data.name} — Passerelle`;
  }, [q.data]);
  if (q.isPending) return <Loading />;
  if (q.error) {
    return (
      <Container size="md" py="xl">
        <Title order={1}>Structure introuvable</Title>
        <Text mt="md">Cette structure n’existe pas ou n’est plus visible dans l’annuaire.</Text>
        <Button component={Link} to="/annuaire" mt="md">
          Retour à l’annuaire
        </Button>
      </Container>
    );
  }
  const s = q.data;
  return (
    <Container size="md" py="md">
      <Anchor component={Link} to="/annuaire" size="sm">
        ← Annuaire
      </Anchor>
      <Group mt="sm" gap="sm">
        <KindBadge kind={s.kind} />
        <Title order={1} size="h2">
          {s.name}
        </Title>
      </Group>
      <Text c="dimmed">
        {KIND_LABELS[s.kind]} · {addressText(s.address)}
      </Text>
      {s.presentation && <Text mt="md">{s.presentation}</Text>}
      <Grid mt="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Title order={2} size="h4">
            Contact
          </Title>
          <Stack gap={4} mt="xs">
            {s.phone && (
              <Text>
                Téléphone : <Anchor href={`tel:${s.phone.replace(/\s/g, '')}`}>{s.phone}</Anchor>
              </Text>
            )}
            {s.email && (
              <Text>
                E-mail : <Anchor href={`mailto:${s.email}`}>{s.email}</Anchor>
              </Text>
            )}
            {s.website && (
              <Text>
                Site : <Anchor href={s.website}>{s.website.replace(/^https?:\/\//, '')}</Anchor>
              </Text>
            )}
            {s.openingHours && <Text>Accueil : {s.openingHours}</Text>}
            {s.siret && <Text size="sm">SIRET : {s.siret}</Text>}
          </Stack>
          <Button component={Link} to={`/besoin?structure=${s.id}`} mt="md">
            Déposer un besoin auprès de cette structure
          </Button>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          {s.jobLabels.length > 0 && (
            <>
              <Title order={2} size="h4">
                Métiers proposés
              </Title>
              <Box component="ul" mt="xs">
                {s.jobLabels.map((j) => (
                  <li key={j.code}>
                    {j.label} ({j.code})
                  </li>
                ))}
              </Box>
            </>
          )}
          {(s.territory.departements.length > 0 || s.territory.communes.length > 0) && (
            <>
              <Title order={2} size="h4" mt="md">
                Territoire servi
              </Title>
              <Text mt="xs">
                {s.territory.departements.length > 0 && `Départements : ${s.territory.departements.join(', ')}`}
                {s.territory.communes.length > 0 && ` Communes : ${s.territory.communes.length}`}
              </Text>
            </>
          )}
          {s.networkLabels.length > 0 && (
            <>
              <Title order={2} size="h4" mt="md">
                Réseaux
              </Title>
              <Group gap="xs" mt="xs">
                {s.networkLabels.map((n) => (
                  <Badge key={n.code} variant="light" color="gray" c="dark">
                    {n.label}
                  </Badge>
                ))}
              </Group>
            </>
          )}
        </Grid.Col>
      </Grid>
    </Container>
  );
}

type InvitationView = {
  organisationName: string;
  email: string;
  name: string;
  expiresAt: string;
  expired: boolean;
  accepted: boolean;
  existingAccount: boolean;
};

/** /invitation/:token: the invited administrator chooses a password. */
export function InvitationPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const q = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationView>(`/api/public/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () =>
      api<{ organisationId: string; existingAccount: boolean }>(
        `/api/public/invitations/${encodeURIComponent(token)}/accept`,
        { body: q.data?.existingAccount ? {} : { password } },
      ),
    onSuccess: (r) => {
      window.location.assign(r.existingAccount ? '/connexion' : `/ai/${r.organisationId}`);
    },
  });
  if (q.isPending) return <Loading />;
  if (q.error) {
    return (
      <Container size="xs" py="xl">
        <Title order={1} size="h2">
          Invitation introuvable
        </Title>
        <Text mt="md">
          Ce lien n’est pas valable. Demandez à la coordination du réseau de vous renvoyer une invitation.
        </Text>
      </Container>
    );
  }
  const inv = q.data;
  const fieldErrors = accept.error instanceof ApiError ? accept.error.fieldErrors : {};
  return (
    <Container size="xs" py="xl">
      <Title order={1} size="h2">
        Bienvenue sur Passerelle
      </Title>
      <Text mt="sm">
        {inv.name}, vous êtes invité·e à gérer <strong>{inv.organisationName}</strong>.
      </Text>
      {inv.accepted ? (
        <Text mt="md">
          Cette invitation a déjà été utilisée. <Anchor onClick={() => navigate('/connexion')}>Connectez-vous</Anchor>.
        </Text>
      ) : inv.expired ? (
        <Text mt="md" c="red.8">
          Cette invitation a expiré : demandez-en une nouvelle à la coordination du réseau.
        </Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!inv.existingAccount && password !== confirm) {
              setMismatch(true);
              return;
            }
            setMismatch(false);
            accept.mutate();
          }}
        >
          <Stack mt="md">
            <TextInput label="Adresse e-mail" value={inv.email} readOnly />
            {inv.existingAccount ? (
              <Text size="sm">
                Vous avez déjà un compte Passerelle avec cette adresse : la structure sera ajoutée à votre compte, avec
                votre mot de passe actuel.
              </Text>
            ) : null}
            {!inv.existingAccount && (
              <PasswordInput
                label="Choisissez un mot de passe"
                description="12 caractères au moins, pas un mot de passe courant (une phrase de quelques mots, par exemple)"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={fieldErrors.password}
                required
                autoComplete="new-password"
              />
            )}
            {!inv.existingAccount && (
              <PasswordInput
                label="Confirmez le mot de passe"
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                error={mismatch ? 'Les deux mots de passe sont différents.' : undefined}
                required
                autoComplete="new-password"
              />
            )}
            {accept.error && !fieldErrors.password && <ErrorAlert error={accept.error} />}
            <Button type="submit" loading={accept.isPending}>
              Activer mon accès
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
