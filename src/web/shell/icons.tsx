import type { SVGProps } from 'react';

/**
 * Passerelle's pictograms: inline SVG (24×24, drawn with the current text colour), never emoji, which many phones
 * draw as empty boxes. Decorative by default (aria-hidden): the word beside the icon says what it means.
 */
type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function SvgIcon({ name, paths, size = 24, ...rest }: IconProps & { name: string; paths: string[] }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
      {...rest}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export const IconCalendar = (p: IconProps) => (
  <SvgIcon name="calendar" paths={['M4 6h16v14H4z', 'M4 10h16', 'M8 3v4', 'M16 3v4']} {...p} />
);
export const IconClock = (p: IconProps) => (
  <SvgIcon name="clock" paths={['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 7v5l3 2']} {...p} />
);
export const IconPin = (p: IconProps) => (
  <SvgIcon
    name="pin"
    paths={['M12 21s-6-5.5-6-11a6 6 0 0 1 12 0c0 5.5-6 11-6 11z', 'M12 8a2 2 0 1 0 0 4a2 2 0 1 0 0-4z']}
    {...p}
  />
);
export const IconJob = (p: IconProps) => (
  <SvgIcon name="job" paths={['M4 8h16v11H4z', 'M9 8V5h6v3', 'M4 13h16']} {...p} />
);
export const IconCheck = (p: IconProps) => <SvgIcon name="check" paths={['M5 12l5 5L20 7']} {...p} />;
export const IconCross = (p: IconProps) => <SvgIcon name="cross" paths={['M6 6l12 12', 'M18 6L6 18']} {...p} />;
export const IconMessage = (p: IconProps) => (
  <SvgIcon name="message" paths={['M4 5h16v11H9l-5 4z', 'M8 9h8', 'M8 12h5']} {...p} />
);
export const IconSpeaker = (p: IconProps) => (
  <SvgIcon name="speaker" paths={['M4 9h4l5-4v14l-5-4H4z', 'M16 9a4 4 0 0 1 0 6', 'M19 6a8 8 0 0 1 0 12']} {...p} />
);
export const IconStop = (p: IconProps) => <SvgIcon name="stop" paths={['M6 6h12v12H6z']} {...p} />;
export const IconArrive = (p: IconProps) => (
  <SvgIcon name="arrive" paths={['M14 4h5v16h-5', 'M3 12h11', 'M10 8l4 4l-4 4']} {...p} />
);
export const IconLeave = (p: IconProps) => (
  <SvgIcon name="leave" paths={['M10 4H5v16h5', 'M10 12h11', 'M17 8l4 4l-4 4']} {...p} />
);
export const IconUnavailable = (p: IconProps) => (
  <SvgIcon name="unavailable" paths={['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M6 6l12 12']} {...p} />
);
export const IconSick = (p: IconProps) => (
  <SvgIcon
    name="sick"
    paths={['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M9 10h.01', 'M15 10h.01', 'M9 16c1.5-1.5 4.5-1.5 6 0']}
    {...p}
  />
);
export const IconPhone = (p: IconProps) => <SvgIcon name="phone" paths={['M7 2h10v20H7z', 'M11 18h2']} {...p} />;
export const IconHours = (p: IconProps) => (
  <SvgIcon
    name="hours"
    paths={['M6 3h12', 'M6 21h12', 'M7 3c0 5 10 5 10 9s-10 4-10 9', 'M17 3c0 5-10 5-10 9s10 4 10 9']}
    {...p}
  />
);
export const IconBell = (p: IconProps) => (
  <SvgIcon name="bell" paths={['M6 16V11a6 6 0 0 1 12 0v5l2 2H4z', 'M10 20a2 2 0 0 0 4 0']} {...p} />
);
export const IconSend = (p: IconProps) => (
  <SvgIcon name="send" paths={['M4 12l16-8l-6 16l-3-7z', 'M11 13l9-9']} {...p} />
);
export const IconLink = (p: IconProps) => (
  <SvgIcon
    name="link"
    paths={['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1']}
    {...p}
  />
);
export const IconEdit = (p: IconProps) => (
  <SvgIcon name="edit" paths={['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4']} {...p} />
);
export const IconMore = (p: IconProps) => <SvgIcon name="more" paths={['M12 5v14', 'M5 12h14']} {...p} />;
export const IconLocation = (p: IconProps) => (
  <SvgIcon
    name="location"
    paths={['M12 2v4', 'M12 18v4', 'M2 12h4', 'M18 12h4', 'M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z']}
    {...p}
  />
);
